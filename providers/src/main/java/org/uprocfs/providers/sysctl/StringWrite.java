package org.uprocfs.providers.sysctl;

import java.util.Arrays;

/** The write half of {@code _proc_do_string} in strict mode ({@code kernel.sysctl_writes_strict = 1}). */
final class StringWrite {

    private StringWrite() {
    }

    /**
     * Applies a write of {@code data} at {@code offset}: a write at or before the end of the current string
     * continues it from {@code offset}, one past the end is ignored; copying stops at NUL, newline, or
     * {@code maxlen - 1} bytes. The whole count is always reported, as the kernel does.
     */
    static Outcome apply(SysctlType.StringType type, SysctlValue.Text current, byte[] data, long offset) {
        int keep = Math.min(current.length(), type.maxlen() - 1);
        if (offset > keep) {
            return new Outcome(current, data.length);
        }
        byte[] result = Arrays.copyOf(current.bytes(), type.maxlen() - 1);
        int length = (int) offset;
        for (int i = 0; i < data.length && length < type.maxlen() - 1; i++) {
            byte b = data[i];
            if (b == 0 || b == '\n') {
                break;
            }
            result[length++] = b;
        }
        return new Outcome(new SysctlValue.Text(Arrays.copyOf(result, length)), data.length);
    }

    /** Checks a stored string: no NUL or newline and short enough; null if it is not acceptable. */
    static SysctlValue.Text parseExact(SysctlType.StringType type, byte[] text) {
        if (text.length > type.maxlen() - 1) {
            return null;
        }
        for (byte b : text) {
            if (b == 0 || b == '\n') {
                return null;
            }
        }
        return new SysctlValue.Text(text);
    }

    /** The string to commit and the byte count to report. */
    record Outcome(SysctlValue.Text value, int taken) {
    }
}
