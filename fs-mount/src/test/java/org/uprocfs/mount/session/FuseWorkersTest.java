package org.uprocfs.mount.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.PointerByReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.serce.jnrfuse.struct.FuseOperations;

/** The worker pool over a session that hands out requests from a queue instead of /dev/fuse. */
class FuseWorkersTest {
    private static final int GETATTR = 3;
    private static final int HANG = 1000;
    private static final int FORGET = 2;
    private static final int END = -1;

    private final FakeSession lib = new FakeSession();
    private final FuseWorkers workers = new FuseWorkers(lib, lib.dummy);
    private final CompletableFuture<Boolean> served = CompletableFuture.supplyAsync(() -> {
        try {
            return workers.serveUntilEnded(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    });

    @AfterEach
    void endSession() throws Exception {
        lib.release.release(1000);
        lib.requests.add(END);
        served.get(10, TimeUnit.SECONDS);
    }

    @Test
    void quickRequests_areAnsweredByTheCoreWorkersAlone() throws Exception {
        for (int i = 0; i < 500; i++) {
            lib.requests.add(GETATTR);
        }
        awaitTrue(() -> lib.answered.availablePermits() == 500, "every request answered");
        assertEquals(FuseWorkers.CORE, workers.workers());
    }

    @Test
    void everyWorkerBlocked_aSpareStartsAndAnswersTheNextRequest() throws Exception {
        awaitTrue(() -> workers.workers() == FuseWorkers.CORE, "core started");
        for (int i = 0; i < FuseWorkers.CORE; i++) {
            lib.requests.add(HANG);
        }
        lib.requests.add(GETATTR);
        assertTrue(lib.answered.tryAcquire(5, TimeUnit.SECONDS), "the request behind the blocked ones is answered");
        assertTrue(workers.workers() > FuseWorkers.CORE, "a spare started: " + workers.workers());
    }

    @Test
    void blockedHandlersReturn_theSparesEndAgain() throws Exception {
        awaitTrue(() -> workers.workers() == FuseWorkers.CORE, "core started");
        for (int i = 0; i < FuseWorkers.CORE + 2; i++) {
            lib.requests.add(HANG);
        }
        awaitTrue(() -> lib.hanging.get() == FuseWorkers.CORE + 2, "spares took the extra blocked requests");
        lib.release.release(FuseWorkers.CORE + 2);
        awaitTrue(() -> workers.workers() == FuseWorkers.CORE, "back to the core, was " + workers.workers());
    }

    @Test
    void manyBlockedRequests_workersStopAtTheCap() throws Exception {
        awaitTrue(() -> workers.workers() == FuseWorkers.CORE, "core started");
        for (int i = 0; i < FuseWorkers.MAX_WORKERS + 20; i++) {
            lib.requests.add(HANG);
        }
        awaitTrue(() -> lib.hanging.get() == FuseWorkers.MAX_WORKERS, "the cap took blocked requests");
        Thread.sleep(20 * FuseWorkers.STALL.toMillis());
        assertEquals(FuseWorkers.MAX_WORKERS, workers.workers());
        assertEquals(FuseWorkers.MAX_WORKERS, lib.hanging.get());
        lib.release.release(FuseWorkers.MAX_WORKERS + 20);
        awaitTrue(() -> workers.workers() == FuseWorkers.CORE, "back to the core once the blocked requests end");
    }

    @Test
    void forgetRequests_doNotCountAsWork() throws Exception {
        awaitTrue(() -> workers.workers() == FuseWorkers.CORE, "core started");
        for (int i = 0; i < 200; i++) {
            lib.requests.add(FORGET);
        }
        awaitTrue(() -> lib.answered.availablePermits() == 200, "every forget handled");
        Thread.sleep(2 * FuseWorkers.STALL.toMillis());
        assertEquals(FuseWorkers.CORE, workers.workers());
    }

    @Test
    void sessionEnds_everyWorkerStopsAndTearDownMayFollow() throws Exception {
        lib.requests.add(GETATTR);
        assertTrue(lib.answered.tryAcquire(5, TimeUnit.SECONDS));
        lib.requests.add(END);
        assertTrue(served.get(10, TimeUnit.SECONDS), "every worker stopped");
        assertEquals(0, workers.workers());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Requests come from a queue; HANG blocks its worker until released; END ends the session. */
    private static final class FakeSession implements LibFuseSession {
        final Pointer dummy = Memory.allocateDirect(Runtime.getSystemRuntime(), 8);
        final BlockingQueue<Integer> requests = new LinkedBlockingQueue<>();
        final Semaphore answered = new Semaphore(0);
        final Semaphore release = new Semaphore(0);
        final java.util.concurrent.atomic.AtomicInteger hanging = new java.util.concurrent.atomic.AtomicInteger();
        final AtomicBoolean exited = new AtomicBoolean();

        @Override
        public int fuse_session_receive_buf(Pointer session, Pointer buf, Pointer chp) {
            try {
                int opcode = requests.take();
                if (opcode == END) {
                    exited.set(true);
                    requests.add(END);
                    return 0;
                }
                buf.getPointer(16).putInt(4, opcode);
                return 40;
            } catch (InterruptedException e) {
                return -4;
            }
        }

        @Override
        public void fuse_session_process_buf(Pointer session, Pointer buf, Pointer ch) {
            if (buf.getPointer(16).getInt(4) == HANG) {
                hanging.incrementAndGet();
                release.acquireUninterruptibly();
                hanging.decrementAndGet();
            }
            answered.release();
        }

        @Override
        public int fuse_session_exited(Pointer session) {
            return exited.get() ? 1 : 0;
        }

        @Override
        public int fuse_interrupted() {
            return 0;
        }

        @Override
        public void fuse_session_exit(Pointer session) {
            exited.set(true);
        }

        @Override
        public Pointer fuse_get_session(Pointer fuse) {
            return dummy;
        }

        @Override
        public Pointer fuse_session_next_chan(Pointer session, Pointer ch) {
            return dummy;
        }

        @Override
        public long fuse_chan_bufsize(Pointer ch) {
            return 4096;
        }

        @Override
        public Pointer fuse_setup(int argc, Pointer argv, FuseOperations op, long opSize, PointerByReference mountpoint,
                IntByReference multithreaded, Pointer userData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fuse_teardown(Pointer fuse, Pointer mountpoint) {
            throw new UnsupportedOperationException();
        }
    }
}
