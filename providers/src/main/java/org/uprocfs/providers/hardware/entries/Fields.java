package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.SeqBuffer;

/**
 * The fixed-width conversions the kernel's seq_printf calls use ({@code %*d}, {@code %-*s}, {@code %0*x}),
 * written straight into the buffer so no render goes through a formatter in its loops.
 */
final class Fields {
    private static final char[] LOWER = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private Fields() {
    }

    /** {@code n} spaces. */
    static SeqBuffer spaces(SeqBuffer m, int n) {
        for (int i = 0; i < n; i++) {
            m.putc(' ');
        }
        return m;
    }

    /** {@code %*s}: the text right-aligned in {@code width} columns, never cut. */
    static SeqBuffer right(SeqBuffer m, CharSequence text, int width) {
        return spaces(m, width - text.length()).puts(text);
    }

    /** {@code %-*s}: the text left-aligned in {@code width} columns, never cut. */
    static SeqBuffer left(SeqBuffer m, CharSequence text, int width) {
        return spaces(m.puts(text), width - text.length());
    }

    /** {@code %*d}. */
    static SeqBuffer dec(SeqBuffer m, long value, int width) {
        return m.putLongPadded(value, width);
    }

    /** {@code %-*d}. */
    static SeqBuffer decLeft(SeqBuffer m, long value, int width) {
        return spaces(m.putLong(value), width - decimalDigits(value));
    }

    /** {@code %0*d} of a value that is not negative. */
    static SeqBuffer decZero(SeqBuffer m, long value, int width) {
        for (int i = decimalDigits(value); i < width; i++) {
            m.putc('0');
        }
        return m.putLong(value);
    }

    /** {@code %0*x} ({@code zeros}) or {@code %*x}: the value's 64 bits in lower-case hex. */
    static SeqBuffer hex(SeqBuffer m, long value, int width, boolean zeros) {
        int digits = hexDigits(value);
        for (int i = digits; i < width; i++) {
            m.putc(zeros ? '0' : ' ');
        }
        return hexDigits(m, value, digits, LOWER);
    }

    /** {@code %0*X}. */
    static SeqBuffer hexUpper(SeqBuffer m, long value, int width) {
        int digits = hexDigits(value);
        for (int i = digits; i < width; i++) {
            m.putc('0');
        }
        return hexDigits(m, value, digits, UPPER);
    }

    /** {@code %-*x}. */
    static SeqBuffer hexLeft(SeqBuffer m, long value, int width) {
        int digits = hexDigits(value);
        return spaces(hexDigits(m, value, digits, LOWER), width - digits);
    }

    private static SeqBuffer hexDigits(SeqBuffer m, long value, int digits, char[] alphabet) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            m.putc(alphabet[(int) (value >>> shift) & 0xf]);
        }
        return m;
    }

    private static int hexDigits(long value) {
        return Math.max(1, (67 - Long.numberOfLeadingZeros(value)) / 4);
    }

    private static int decimalDigits(long value) {
        if (value < 0) {
            return value == Long.MIN_VALUE ? 20 : 1 + decimalDigits(-value);
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        return digits;
    }
}
