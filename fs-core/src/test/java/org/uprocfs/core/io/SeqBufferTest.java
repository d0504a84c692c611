package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.Caller;

class SeqBufferTest {

    @Test
    void putLong_printsDecimalLikeLongToString() {
        long[] values = {0, 7, -7, 10, 99, 100, 24684096, -1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : values) {
            assertEquals(Long.toString(value), SeqBuffer.forRoot().putLong(value).toString());
        }
    }

    @Test
    void putLongPadded_rightAlignsInTheField() {
        assertEquals("MemTotal:       24684096", SeqBuffer.forRoot().puts("MemTotal:").putLongPadded(24684096, 15)
                .toString());
        assertEquals("   -42", SeqBuffer.forRoot().putLongPadded(-42, 6).toString());
        assertEquals("123456", SeqBuffer.forRoot().putLongPadded(123456, 3).toString());
    }

    @Test
    void putLong_pastThePage_growsTheBuffer() {
        SeqBuffer buffer = SeqBuffer.forRoot();
        for (int i = 0; i < 1000; i++) {
            buffer.putLongPadded(i, 8);
        }
        assertEquals(8000, buffer.size());
        assertEquals("     999", buffer.toString().substring(7992));
    }

    @Test
    void reuse_emptiesTheBufferAndChangesTheReader() {
        SeqBuffer buffer = SeqBuffer.forRoot().puts("old content");
        Caller reader = new Caller(1000, 1000, 42);
        buffer.reuse(reader);
        assertEquals(0, buffer.size());
        assertSame(reader, buffer.caller());
        assertEquals("new", buffer.puts("new").toString());
    }
}
