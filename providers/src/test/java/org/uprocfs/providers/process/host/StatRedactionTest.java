package org.uprocfs.providers.process.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** do_task_stat's view for a reader without ptrace access. */
class StatRedactionTest {

    @Test
    void redact_hidesAddressesWchanAndExitCodeButKeepsTheRest() {
        StringBuilder in = new StringBuilder("42 (a b) c) S");
        StringBuilder out = new StringBuilder("42 (a b) c) S");
        for (int n = 4; n <= 52; n++) {
            in.append(' ').append(n * 10);
            boolean hidden = (n >= 26 && n <= 30) || n == 35 || n >= 45;
            out.append(' ').append(!hidden ? Integer.toString(n * 10) : n <= 27 ? "1" : "0");
        }
        byte[] redacted = StatRedaction.redact((in + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(out + "\n", new String(redacted, StandardCharsets.UTF_8));
    }
}
