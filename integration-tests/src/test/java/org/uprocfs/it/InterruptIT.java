package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A caller stuck in a handler that hangs is released as soon as it is signalled, as the kernel releases
 * a reader on a signal: the FUSE interrupt reaches the daemon, and the call answers EINTR long before
 * the handler timeout (here 30 s) would abandon it.
 */
class InterruptIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest").handlerTimeout(Duration.ofSeconds(30));

    @Test
    void readerOfAHangingHandler_killed_exitsAtOnce() throws Exception {
        Process reader = new ProcessBuilder("cat", MOUNT.path("selftest/hang").toString()).start();
        Thread.sleep(500);
        assertTrue(reader.isAlive(), "cat is stuck in the hanging handler");
        long start = System.nanoTime();
        reader.destroyForcibly();
        assertTrue(reader.waitFor(3, TimeUnit.SECONDS), "the SIGKILLed reader exits long before the 30 s timeout");
        System.out.println("InterruptIT: a SIGKILLed reader of a hanging handler exited after "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    void readerOfAHangingHandler_underTimeout_returnsAfterItsSecond() {
        long start = System.nanoTime();
        Shell.Run run = Shell.run(Path.of("."), List.of("timeout", "1", "cat", MOUNT.path("selftest/hang").toString()), 20);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(124, run.exitCode(), run.stderr());
        assertTrue(millis < 5_000, "returned after " + millis + " ms");
    }

    @Test
    void afterInterruptedCalls_theMountStillAnswers() throws Exception {
        Shell.run(Path.of("."), List.of("timeout", "1", "cat", MOUNT.path("selftest/hang").toString()), 20);
        assertEquals("uprocfs selftest 1\n", Files.readString(MOUNT.path("selftest/version")));
    }
}
