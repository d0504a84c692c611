package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.SeqBuffer;

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

    @Test
    void grow_afterALargeBufferWasGiven_movesIntoItsArrayWithTheContentKept() {
        byte[] largeArray = giveBufferGrownTo(64);

        SeqBuffer next = pool.take(Caller.ROOT);
        next.puts("head");
        next.write(new byte[3 * SeqBuffer.PAGE_SIZE]);
        assertSame(largeArray, next.array(), "the kept array is reused instead of doubling up to it");
        assertEquals("head", next.toString().substring(0, 4));
        assertEquals(4 + 3 * SeqBuffer.PAGE_SIZE, next.size());
    }

    @Test
    void grow_whenTheKeptArrayIsTooSmall_allocatesAndKeepsTheKeptOne() {
        byte[] keptArray = giveBufferGrownTo(3);

        SeqBuffer bigger = pool.take(Caller.ROOT);
        bigger.write(new byte[64 * SeqBuffer.PAGE_SIZE]);
        assertNotSame(keptArray, bigger.array());
        SeqBuffer third = pool.take(Caller.ROOT);
        third.write(new byte[3 * SeqBuffer.PAGE_SIZE]);
        assertSame(keptArray, third.array(), "the smaller large array stayed kept");
    }

    @Test
    void take_twoGrowingRendersAtOnce_neverShareAnArray() {
        giveBufferGrownTo(64);
        SeqBuffer first = pool.take(Caller.ROOT);
        SeqBuffer second = pool.take(Caller.ROOT);
        first.write(new byte[3 * SeqBuffer.PAGE_SIZE]);
        second.write(new byte[3 * SeqBuffer.PAGE_SIZE]);
        assertNotSame(first.array(), second.array());
    }

    /** Takes a buffer, prints {@code pages} pages into it, gives it back; its grown array. */
    private byte[] giveBufferGrownTo(int pages) {
        SeqBuffer big = pool.take(Caller.ROOT);
        big.write(new byte[pages * SeqBuffer.PAGE_SIZE]);
        byte[] array = big.array();
        pool.give(big);
        return array;
    }
}
