package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;

/** The fixed-width conversions of the per-pid files ({@code %-*s}, {@code %0*lx}, {@code %llu}), written straight into the buffer. */
final class Cols {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Cols() {
    }

    /** {@code n} spaces, none when {@code n} is not positive. */
    static SeqBuffer spaces(SeqBuffer m, int n) {
        for (int i = 0; i < n; i++) {
            m.putc(' ');
        }
        return m;
    }

    /** {@code %-*s}: the text left-aligned in {@code width} columns, never cut. */
    static SeqBuffer left(SeqBuffer m, String text, int width) {
        return spaces(m.puts(text), width - text.length());
    }

    /** {@code %*s}: the text right-aligned in {@code width} columns, never cut. */
    static SeqBuffer right(SeqBuffer m, String text, int width) {
        return spaces(m, width - text.length()).puts(text);
    }

    /** {@code %llu}: the 64 bits as an unsigned decimal. */
    static SeqBuffer unsigned(SeqBuffer m, long value) {
        return value >= 0 ? m.putLong(value) : m.puts(Long.toUnsignedString(value));
    }

    /** {@code %0*llx}: the 64 bits in lower-case hex, zero-padded to {@code width} digits. */
    static SeqBuffer hex(SeqBuffer m, long value, int width) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(value)) / 4);
        for (int i = digits; i < width; i++) {
            m.putc('0');
        }
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            m.putc(HEX[(int) (value >>> shift) & 0xf]);
        }
        return m;
    }
}
