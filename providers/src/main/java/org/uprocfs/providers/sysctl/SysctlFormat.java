package org.uprocfs.providers.sysctl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The read side of the proc_do* handlers: what a read at an offset returns. */
final class SysctlFormat {

    private SysctlFormat() {
    }

    /** Numbers joined by tabs without the newline; also the form kept in the state file. */
    static byte[] plain(SysctlType type, SysctlValue value) {
        if (value instanceof SysctlValue.Text text) {
            return text.bytes();
        }
        SysctlValue.Numbers numbers = (SysctlValue.Numbers) value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            long n = numbers.get(i);
            out.append(type instanceof SysctlType.ULongVector ? Long.toUnsignedString(n) : Long.toString(n));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The bytes of a read of up to {@code count} at {@code offset}. Numbers: only a read at offset 0 gives
     * anything ({@code if (*ppos && !write) return 0}), cut to {@code count}. Strings honour the offset and
     * add the newline only if it fits, as {@code _proc_do_string} does.
     */
    static byte[] read(SysctlType type, SysctlValue value, long offset, int count) {
        if (count <= 0) {
            return new byte[0];
        }
        byte[] plain = plain(type, value);
        if (type instanceof SysctlType.StringType string) {
            int length = Math.min(plain.length, string.maxlen());
            if (offset > length) {
                return new byte[0];
            }
            int n = Math.min(length - (int) offset, count);
            byte[] out = Arrays.copyOfRange(plain, (int) offset, (int) offset + n + (n < count ? 1 : 0));
            if (n < count) {
                out[n] = '\n';
            }
            return out;
        }
        if (offset > 0) {
            return new byte[0];
        }
        byte[] line = Arrays.copyOf(plain, plain.length + 1);
        line[plain.length] = '\n';
        return count >= line.length ? line : Arrays.copyOf(line, count);
    }
}
