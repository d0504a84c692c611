package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.uprocfs.core.TestFs.assertErrno;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.SeqBuffer;

/** The seq_file buffer: printing, growth from one page by doubling, the cap and roll-back. */
class SeqBufferTest {

    @Test
    void capacity_newBuffer_isOnePage() {
        assertEquals(4096, SeqBuffer.forRoot().capacity());
    }

    @Test
    void capacity_contentOneByteOverAPage_doublesToTwoPages() {
        SeqBuffer buffer = SeqBuffer.forRoot();

        buffer.write(new byte[4097]);

        assertEquals(8192, buffer.capacity());
    }

    @Test
    void capacity_contentOfFivePages_doublesToEightPages() {
        SeqBuffer buffer = SeqBuffer.forRoot();

        for (int i = 0; i < 5; i++) {
            buffer.write(new byte[4096]);
        }

        assertEquals(8 * 4096, buffer.capacity());
        assertEquals(5 * 4096, buffer.size());
    }

    @Test
    void write_beyondTheCap_failsWithEfbig() {
        SeqBuffer buffer = new SeqBuffer(Caller.ROOT, 10_000);
        buffer.write(new byte[10_000]);

        assertErrno(Errno.EFBIG, () -> buffer.putc('x'));
        assertEquals(10_000, buffer.size());
    }

    @Test
    void puts_nonAsciiText_isEncodedAsUtf8() {
        SeqBuffer buffer = SeqBuffer.forRoot();

        buffer.puts("a\u00e9\u20ac b");

        assertArrayEquals("a\u00e9\u20ac b".getBytes(StandardCharsets.UTF_8), buffer.toByteArray());
    }

    @Test
    void printf_decimalNumbers_useTheRootLocale() {
        SeqBuffer buffer = SeqBuffer.forRoot();

        buffer.printf("%.2f %,d", 1.5, 1234567);

        assertEquals("1.50 1,234,567", buffer.toString());
    }

    @Test
    void putLongPadded_shortNumber_isRightAligned() {
        SeqBuffer buffer = SeqBuffer.forRoot();

        buffer.putLongPadded(42, 6).putc('|').putLongPadded(1234567, 3).putc('|').putLong(-5);

        assertEquals("    42|1234567|-5", buffer.toString());
    }

    @Test
    void truncate_toAnEarlierSize_dropsTheTail() {
        SeqBuffer buffer = SeqBuffer.forRoot();
        buffer.puts("keep").puts(" drop");

        buffer.truncate(4);

        assertEquals("keep", buffer.toString());
    }

    @Test
    void truncate_beyondTheSize_isRefused() {
        SeqBuffer buffer = SeqBuffer.forRoot();
        buffer.puts("abc");

        assertThrows(IllegalArgumentException.class, () -> buffer.truncate(4));
    }

    @Test
    void caller_isWhoTheBufferWasMadeFor() {
        Caller user = new Caller(1000, 1000, 42);

        assertEquals(user, new SeqBuffer(user, 4096).caller());
    }


    @Test
    void putLong_printsDecimalLikeLongToString() {
        long[] values = {0, 7, -7, 10, 99, 100, 24684096, -1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : values) {
            assertEquals(Long.toString(value), SeqBuffer.forRoot().putLong(value).toString());
        }
    }

    @Test
    void putLongPadded_meminfoField_rightAlignsInTheField() {
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
