package org.uprocfs.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.TestFs;
import org.uprocfs.core.api.KernelLog;
import org.uprocfs.core.api.KernelLogRecord;
import org.uprocfs.core.api.LogLevel;

/** The printk ring: sequence numbers, dropping the oldest, and waking waiting readers. */
class KernelLogTest {
    private final ManualClock clock = new ManualClock(TestFs.BOOT, Duration.ofMillis(1500));
    private final KernelLog log = new KernelLog(3, clock);

    @Test
    void append_recordsLevelTextAndUptimeInMicroseconds() {
        KernelLogRecord record = log.append(LogLevel.WARNING, "t: hot");

        assertEquals(0, record.sequence());
        assertEquals(1_500_000, record.uptimeMicros());
        assertEquals("<4>t: hot\n", record.kmsgLine());
    }

    @Test
    void append_beyondCapacity_dropsTheOldest() {
        for (int i = 0; i < 5; i++) {
            log.append(LogLevel.INFO, "line " + i);
        }

        List<KernelLogRecord> kept = log.readFrom(0);

        assertEquals(List.of(2L, 3L, 4L), kept.stream().map(KernelLogRecord::sequence).toList());
        assertEquals("line 2", kept.get(0).text());
        assertEquals(5, log.nextSequence());
    }

    @Test
    void readFrom_aSequence_returnsOnlyThatAndLater() {
        log.append(LogLevel.INFO, "a");
        log.append(LogLevel.INFO, "b");

        assertEquals(List.of("b"), log.readFrom(1).stream().map(KernelLogRecord::text).toList());
    }

    @Test
    void awaitFrom_lineAlreadyThere_returnsTrueAtOnce() throws InterruptedException {
        log.append(LogLevel.INFO, "a");

        assertTrue(log.awaitFrom(0, 0, TimeUnit.SECONDS));
    }

    @Test
    void awaitFrom_nothingArrives_timesOutWithFalse() throws InterruptedException {
        assertFalse(log.awaitFrom(0, 20, TimeUnit.MILLISECONDS));
    }

    @Test
    void awaitFrom_lineAppendedWhileWaiting_wakesWithTrue() throws Exception {
        CompletableFuture<Boolean> waiter = waitInBackground();

        log.append(LogLevel.INFO, "wake up");

        assertTrue(waiter.get(10, TimeUnit.SECONDS));
    }

    @Test
    void awaitFrom_logClosedWhileWaiting_wakesWithFalse() throws Exception {
        CompletableFuture<Boolean> waiter = waitInBackground();

        log.close();

        assertFalse(waiter.get(10, TimeUnit.SECONDS));
        assertTrue(log.isClosed());
    }

    @Test
    void constructor_capacityZero_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KernelLog(0, clock));
    }

    /** A reader waiting up to a minute for sequence 0, started and known to be blocked before this returns. */
    private CompletableFuture<Boolean> waitInBackground() throws InterruptedException, ExecutionException {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return log.awaitFrom(0, 60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
        try {
            // The waiter must still be blocked, so the wake-up below is what ends its wait.
            waiter.get(100, TimeUnit.MILLISECONDS);
            throw new AssertionError("awaitFrom returned before anything happened");
        } catch (TimeoutException expected) {
            return waiter;
        }
    }
}
