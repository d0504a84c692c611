package org.uprocfs.providers.sysctl;

import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * Reads numbers out of one sysctl write buffer the way {@code proc_skip_spaces} and {@code proc_get_long}
 * do, so the same bytes are accepted or refused as on Linux. Not thread-safe; one instance per write.
 */
final class KernelNumberLexer {
    /** The kernel copies at most TMPBUFLEN - 1 = 21 bytes of a number; a 21-byte token is refused. */
    private static final int TMPBUFLEN = 22;

    private final byte[] data;
    private int position;
    private int left;

    KernelNumberLexer(byte[] data, int length) {
        this.data = data;
        this.left = length;
    }

    /** Bytes not yet consumed. */
    int left() {
        return left;
    }

    /** Skips isspace() bytes: space, \t, \n, \v, \f, \r (wider than the separators a number may end with). */
    void skipSpaces() {
        while (left > 0 && isSpace(data[position])) {
            position++;
            left--;
        }
    }

    /** Parses one number at the current position; EINVAL for anything proc_get_long or strtoul_lenient refuses. */
    Token next() {
        int len = Math.min(left, TMPBUFLEN - 1);
        int i = 0;
        boolean negative = false;
        if (len > 0 && data[position] == '-' && left > 1) {
            negative = true;
            i = 1;
        }
        if (i >= len || !isDigit(at(i))) {
            throw invalid("not a number");
        }
        // _parse_integer_fixup_radix for base 0: "0x" + hex digit is hex, another leading 0 is octal.
        int base = 10;
        if (at(i) == '0') {
            if (i + 2 < len && (at(i + 1) | 0x20) == 'x' && digitValue(at(i + 2)) < 16) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        long magnitude = 0;
        boolean overflow = false;
        while (i < len) {
            int digit = digitValue(at(i));
            if (digit >= base) {
                break;
            }
            if (Long.compareUnsigned(magnitude, Long.divideUnsigned(-1L - digit, base)) > 0) {
                overflow = true;
            }
            magnitude = magnitude * base + digit;
            i++;
        }
        if (overflow) {
            throw invalid("number does not fit 64 bits");
        }
        if (i == TMPBUFLEN - 1) {
            // The kernel cannot tell whether the number goes on past its 21-byte window.
            throw invalid("number longer than " + (TMPBUFLEN - 2) + " bytes");
        }
        if (i < left && !isSeparator(at(i))) {
            throw invalid("junk after number");
        }
        position += i;
        left -= i;
        return new Token(negative, magnitude);
    }

    private char at(int index) {
        return (char) (data[position + index] & 0xff);
    }

    /** The value of an ASCII digit or letter as in the kernel's _parse_integer; 16 or more for anything else. */
    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : 16;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** proc_wspace_sep: the only bytes that may follow a number. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static ProcException invalid(String why) {
        return new ProcException(Errno.EINVAL, why);
    }

    /** One parsed number: its sign and its magnitude as an unsigned 64-bit value. */
    record Token(boolean negative, long magnitude) {
    }
}
