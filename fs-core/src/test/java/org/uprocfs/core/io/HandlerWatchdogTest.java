package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/** The deadline, the interrupt and its clean-up, without a file system around them. */
class HandlerWatchdogTest {
    private final HandlerWatchdog watchdog = new HandlerWatchdog(Duration.ofMillis(100));

    @AfterEach
    void stop() {
        watchdog.stop();
    }

    @Test
    void done_callWithinDeadline_returnsItsResult() {
        HandlerWatchdog.Watch watch = watchdog.watch("/quick");

        assertEquals(42, watch.done(42));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void done_callSleepingPastDeadline_isInterruptedAndAnswersEio() {
        HandlerWatchdog.Watch watch = watchdog.watch("/slow");
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        ProcException failure = assertThrows(ProcException.class, () -> watch.done(1));
        assertTrue(interrupted, "the watchdog interrupted the sleeping call");
        assertTrue(elapsedMillis < 2_000, "interrupted after " + elapsedMillis + " ms, not at the deadline");
        assertEquals(Errno.EIO, failure.errno());
    }

    @Test
    void end_afterAbandonedCall_clearsTheInterruptSoTheNextCallRunsNormally() throws InterruptedException {
        HandlerWatchdog.Watch watch = watchdog.watch("/spin");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        assertTrue(watch.end(), "the spinning call was abandoned");
        assertFalse(Thread.currentThread().isInterrupted(), "no interrupt leaks out of the call");
        HandlerWatchdog.Watch next = watchdog.watch("/next");
        Thread.sleep(20);
        assertEquals(7, next.done(7));
    }

    @Test
    void failed_abandonedCall_turnsTheHandlerFailureIntoEio() {
        HandlerWatchdog.Watch watch = watchdog.watch("/slow");
        try {
            Thread.sleep(10_000);
        } catch (InterruptedException e) {
            RuntimeException thrown = watch.failed(new ProcException(Errno.EINTR, "woken"));
            assertEquals(Errno.EIO, ((ProcException) thrown).errno());
            return;
        }
        throw new AssertionError("never interrupted");
    }

    @Test
    void failed_callWithinDeadline_keepsTheHandlerFailure() {
        ProcException own = new ProcException(Errno.EINVAL, "bad input");

        assertSame(own, watchdog.watch("/picky").failed(own));
    }

    @Test
    void watch_zeroTimeout_neverInterrupts() throws InterruptedException {
        HandlerWatchdog off = new HandlerWatchdog(Duration.ZERO);
        HandlerWatchdog.Watch watch = off.watch("/slow");
        Thread.sleep(50);

        assertFalse(off.enabled());
        assertEquals(3, watch.done(3));
        assertEquals(0, off.registeredThreads(), "no thread is tracked when the watchdog is off");
    }

    @Test
    void registeredThreads_workerThatEnded_isForgotten() throws InterruptedException {
        CountDownLatch watched = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            watchdog.watch("/once").done(0);
            watched.countDown();
        });
        worker.start();
        watched.await();
        worker.join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (watchdog.registeredThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertEquals(0, watchdog.registeredThreads());
    }
}
