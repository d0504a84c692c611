package org.uprocfs.providers.process.files;

import java.nio.charset.StandardCharsets;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * The kernel's number parsing for proc writes: {@code kstrtoull}, {@code kstrtoll}, {@code kstrtoint} of
 * lib/kstrtox.c and {@code strstrip} of lib/string.c, with their errnos (EINVAL for junk, ERANGE for overflow).
 */
final class Kstrto {
    private Kstrto() {
    }

    /**
     * The C string a handler sees after copying at most {@code max} bytes of the write into a zeroed buffer:
     * everything from the first NUL on is gone. Bytes map one to one onto chars (ISO-8859-1) because the
     * parsers below look at bytes, not text.
     */
    static String cString(byte[] data, int max) {
        int length = Math.min(data.length, max);
        for (int i = 0; i < length; i++) {
            if (data[i] == 0) {
                length = i;
                break;
            }
        }
        return new String(data, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** {@code strstrip}: leading and trailing {@code isspace} characters removed. */
    static String strstrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isspace(s.charAt(start))) {
            start++;
        }
        while (end > start && isspace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The kernel's {@code isspace} (lib/ctype.c): tab to carriage return, space, and Latin-1 NBSP (0xa0). */
    static boolean isspace(char c) {
        return (c >= '\t' && c <= '\r') || c == ' ' || c == 0xa0;
    }

    /** {@code kstrtoint}: a signed number that must fit 32 bits. */
    static int toInt(String s, int base) {
        long value = toLong(s, base);
        if (value != (int) value) {
            throw new ProcException(Errno.ERANGE, "out of int range: " + s);
        }
        return (int) value;
    }

    /** {@code kstrtoll}: an optional {@code -} (or {@code +}), then {@link #toUnsignedLong}'s rules. */
    static long toLong(String s, int base) {
        if (s.startsWith("-")) {
            long magnitude = parse(s.substring(1), base);
            if (-magnitude > 0) {
                throw new ProcException(Errno.ERANGE, "below the long range: " + s);
            }
            return -magnitude;
        }
        long value = toUnsignedLong(s, base);
        if (value < 0) {
            throw new ProcException(Errno.ERANGE, "above the long range: " + s);
        }
        return value;
    }

    /** {@code kstrtoull}: an optional {@code +}, digits in the base (0 = C prefixes), at most one trailing newline. */
    static long toUnsignedLong(String s, int base) {
        return parse(s.startsWith("+") ? s.substring(1) : s, base);
    }

    /** {@code _kstrtoull}: radix fix-up, digits, then overflow before junk, as the kernel checks them. */
    private static long parse(String s, int base) {
        int at = 0;
        int radix = base;
        // _parse_integer_fixup_radix: "0x" and a hex digit means 16, a leading 0 means 8.
        if (radix == 0) {
            if (s.length() > 0 && s.charAt(0) == '0') {
                if (s.length() > 2 && Character.toLowerCase(s.charAt(1)) == 'x' && isHexDigit(s.charAt(2))) {
                    radix = 16;
                    at = 2;
                } else {
                    radix = 8;
                }
            } else {
                radix = 10;
            }
        } else if (radix == 16 && s.length() > 2 && s.charAt(0) == '0'
                && Character.toLowerCase(s.charAt(1)) == 'x' && isHexDigit(s.charAt(2))) {
            at = 2;
        }
        long result = 0;
        boolean overflow = false;
        int digits = 0;
        for (; at < s.length(); at++, digits++) {
            int value = digitValue(s.charAt(at));
            if (value < 0 || value >= radix) {
                break;
            }
            // _parse_integer_limit: only a value with any of the top four bits set can overflow.
            if ((result & (~0L << 60)) != 0
                    && Long.compareUnsigned(result, Long.divideUnsigned(-1L - value, radix)) > 0) {
                overflow = true;
            }
            result = result * radix + value;
        }
        if (overflow) {
            throw new ProcException(Errno.ERANGE, "number too large: " + s);
        }
        if (digits == 0) {
            throw new ProcException(Errno.EINVAL, "not a number: " + s);
        }
        if (at < s.length() && s.charAt(at) == '\n') {
            at++;
        }
        if (at < s.length()) {
            throw new ProcException(Errno.EINVAL, "junk after the number: " + s);
        }
        return result;
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = Character.toLowerCase(c);
        if (lower >= 'a' && lower <= 'f') {
            return lower - 'a' + 10;
        }
        return -1;
    }

    private static boolean isHexDigit(char c) {
        int value = digitValue(c);
        return value >= 0 && value < 16;
    }
}
