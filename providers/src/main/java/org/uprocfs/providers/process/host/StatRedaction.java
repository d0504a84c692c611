package org.uprocfs.providers.process.host;

import java.nio.charset.StandardCharsets;

/**
 * What {@code do_task_stat} hides from a reader without ptrace access: the code, stack and data addresses
 * (fields 26-30 and 45-51; startcode and endcode read 1), the wchan flag (35) and the exit code (52).
 * The host shows the daemon root's view, so a visitor's stat is redacted here for such a caller.
 */
final class StatRedaction {
    private StatRedaction() {
    }

    static byte[] redact(byte[] stat) {
        String text = new String(stat, StandardCharsets.UTF_8);
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return stat;
        }
        String[] fields = text.substring(close + 2).stripTrailing().split(" ");
        // fields[0] is field 3 (state): field n sits at index n - 3.
        for (int n = 26; n <= 52; n++) {
            boolean hidden = n <= 30 || n == 35 || n >= 45;
            if (hidden && n - 3 < fields.length) {
                fields[n - 3] = n == 26 || n == 27 ? "1" : "0";
            }
        }
        return (text.substring(0, close + 2) + String.join(" ", fields) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
