package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.io.OpenFile;

/**
 * Handlers that hang, loop or print without end: each call is abandoned with EIO or capped with EFBIG,
 * and the daemon goes on answering everyone else.
 */
class FaultIsolationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Generous slack over the timeout: the watchdog ticks every quarter timeout and the CI box may be busy. */
    private static final long ANSWER_WITHIN_MILLIS = TIMEOUT.toMillis() + 2_000;

    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest")
            .handlerTimeout(TIMEOUT).renderCap(8L << 20);

    @Test
    void read_handlerSleepsPastTheTimeout_failsWithEioInTimeAndTheHandlerIsInterrupted() throws IOException {
        long before = interruptedCount();
        long start = System.nanoTime();

        Errno errno = Posix.readErrno(MOUNT.path("selftest/hang"));

        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Errno.EIO, errno);
        assertTrue(elapsed >= TIMEOUT.toMillis() - 50 && elapsed < ANSWER_WITHIN_MILLIS, elapsed + " ms");
        assertEquals(before + 1, interruptedCount(), "the stuck handler thread was interrupted");
        assertEquals("uprocfs selftest 1\n", Files.readString(MOUNT.path("selftest/version")));
    }

    @Test
    void write_handlerSleepsPastTheTimeout_failsWithEio() {
        long start = System.nanoTime();

        Posix.Result result = Posix.writeOnce(MOUNT.path("selftest/hang"), "wake up\n");

        assertEquals(Errno.EIO, result.errno());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < ANSWER_WITHIN_MILLIS);
    }

    @Test
    void read_eightHangingCallsAtOnce_allFailWithEioWhileOthersAreServed() throws Exception {
        byte[] big = Posix.readAll(MOUNT.path("selftest/big"), 131072);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            List<Future<Errno>> hangs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                hangs.add(pool.submit(() -> Posix.readErrno(MOUNT.path("selftest/hang"))));
            }
            // While eight libfuse workers sit in the hanging handler, other files answer at full speed.
            long start = System.nanoTime();
            Future<byte[]> meanwhile = pool.submit(() -> Posix.readAll(MOUNT.path("selftest/big"), 131072));
            assertArrayEquals(big, meanwhile.get(10, TimeUnit.SECONDS));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < TIMEOUT.toMillis(),
                    "a read elsewhere did not wait for the hanging calls");
            for (Future<Errno> hang : hangs) {
                assertEquals(Errno.EIO, hang.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(MOUNT.session().isMounted());
    }

    @Test
    void read_handlerPrintsWithoutEnd_failsWithEfbigAndOneLogLine() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OpenFile.class);
        log.start();
        logger.addAppender(log);
        try {
            assertEquals(Errno.EFBIG, Posix.readErrno(MOUNT.path("selftest/hog")));
        } finally {
            logger.detachAppender(log);
        }
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("selftest/hog") && lines.get(0).contains("EFBIG"), lines.get(0));
        assertEquals("uprocfs selftest 1\n", new String(Posix.readAll(MOUNT.path("selftest/version"), 4096),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void read_handlerThrows_failsWithEioAndTheHandleIsStillReleased() {
        int handlesBefore = MOUNT.fs().openHandleCount();

        assertEquals(Errno.EIO, Posix.readErrno(MOUNT.path("selftest/faulty")));
        Await.until("release ran after the failed read", Duration.ofSeconds(5),
                () -> MOUNT.fs().openHandleCount() == handlesBefore);
    }

    @Test
    void hang_afterManyAbandonedCalls_watchedThreadsStayBounded() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Errno.EIO, Posix.readErrno(MOUNT.path("selftest/hang")));
        }
        // libfuse2 keeps at most ten idle workers, plus the ones busy right now; abandoned ones were freed.
        assertTrue(MOUNT.fs().watchedThreadCount() <= 32, "watched threads: " + MOUNT.fs().watchedThreadCount());
    }

    private static long interruptedCount() throws IOException {
        return Long.parseLong(Files.readString(MOUNT.path("selftest/interrupted")).trim());
    }
}
