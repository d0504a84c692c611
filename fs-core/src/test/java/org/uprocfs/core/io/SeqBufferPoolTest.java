package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.Caller;

class SeqBufferPoolTest {
    private final SeqBufferPool pool = new SeqBufferPool(2, 1 << 20, 2 * SeqBuffer.PAGE_SIZE);

    @Test
    void take_afterGive_returnsTheSameBufferEmptiedForTheNewReader() {
        SeqBuffer buffer = pool.take(Caller.ROOT);
        buffer.puts("content");
        pool.give(buffer);
        Caller reader = new Caller(1000, 1000, 7);
        SeqBuffer again = pool.take(reader);
        assertSame(buffer, again);
        assertEquals(0, again.size());
        assertSame(reader, again.caller());
    }

    @Test
    void give_ofAGrownBuffer_dropsIt() {
        SeqBuffer big = pool.take(Caller.ROOT);
        big.write(new byte[3 * SeqBuffer.PAGE_SIZE]);
        pool.give(big);
        assertNotSame(big, pool.take(Caller.ROOT));
    }

    @Test
    void give_toAFullPool_dropsTheBuffer() {
        SeqBuffer first = new SeqBuffer(Caller.ROOT, 1 << 20);
        SeqBuffer second = new SeqBuffer(Caller.ROOT, 1 << 20);
        SeqBuffer third = new SeqBuffer(Caller.ROOT, 1 << 20);
        pool.give(first);
        pool.give(second);
        pool.give(third);
        SeqBuffer a = pool.take(Caller.ROOT);
        SeqBuffer b = pool.take(Caller.ROOT);
        SeqBuffer c = pool.take(Caller.ROOT);
        assertNotSame(third, a);
        assertNotSame(third, b);
        assertNotSame(third, c);
    }
}
