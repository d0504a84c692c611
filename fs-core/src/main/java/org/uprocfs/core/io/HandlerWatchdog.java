package org.uprocfs.core.io;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * Abandons handler calls that run past a deadline: one watchdog thread interrupts the thread running
 * the call, and the call answers EIO whatever the handler does afterwards.
 *
 * <p>The call runs on the caller's own (FUSE worker) thread; nothing is handed to another thread,
 * so a call costs a clock read and two atomic writes. "Abandoned" therefore means: the watchdog logs
 * one line and interrupts the thread; an interruptible wait (sleep, lock, queue, channel) ends at once,
 * and the engine's own buffers and read loops check the interrupt flag, so a handler that prints or
 * pages without end stops at its next record or page. The call then fails with EIO and the result the
 * handler may still produce is discarded. A handler that spins without blocking and without calling
 * into the engine keeps its worker until it returns; the mount starts a spare worker for new requests,
 * so the mount keeps answering.
 */
public final class HandlerWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerWatchdog.class);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONING = 2;
    private static final int ABANDONED = 3;

    private final long timeoutNanos;
    private final long tickMillis;
    private final ThreadLocal<Watch> watches = ThreadLocal.withInitial(this::register);
    private final Set<Watch> registered = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private Thread thread;
    private boolean stopped;

    /** A watchdog for calls of at most {@code timeout}; zero turns it off. */
    public HandlerWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        // A quarter of the timeout: a call is abandoned at most 25% late, and an idle tick is cheap.
        this.tickMillis = Math.max(5, Math.min(250, timeout.toMillis() / 4));
    }

    /** Whether calls are watched at all. */
    public boolean enabled() {
        return timeoutNanos > 0;
    }

    /** Starts watching one handler call on the current thread; end it with {@link Watch#done} or {@link Watch#failed}. */
    public Watch watch(String path) {
        if (timeoutNanos <= 0) {
            return Watch.UNWATCHED;
        }
        Watch watch = watches.get();
        if (watch.state.get() != IDLE) {
            // A handler that re-enters the engine on its own thread is already under the outer deadline.
            return Watch.UNWATCHED;
        }
        watch.path = path;
        watch.deadline = System.nanoTime() + timeoutNanos;
        watch.state.set(RUNNING);
        return watch;
    }

    /** Stops the watchdog thread; calls still running are no longer watched. */
    public void stop() {
        synchronized (lifecycle) {
            stopped = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Number of threads that ran a watched call and are still registered; for leak checks. */
    public int registeredThreads() {
        return registered.size();
    }

    private Watch register() {
        Watch watch = new Watch(Thread.currentThread());
        registered.add(watch);
        synchronized (lifecycle) {
            if (thread == null && !stopped) {
                thread = new Thread(this::patrol, "handler-watchdog");
                thread.setDaemon(true);
                thread.start();
            }
        }
        return watch;
    }

    private void patrol() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.MILLISECONDS.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watch watch : registered) {
                if (!watch.owner.isAlive()) {
                    // Spare FUSE workers end when they are no longer needed; forget them.
                    registered.remove(watch);
                } else if (watch.state.get() == RUNNING && now - watch.deadline > 0) {
                    abandon(watch);
                }
            }
        }
    }

    private void abandon(Watch watch) {
        if (!watch.state.compareAndSet(RUNNING, ABANDONING)) {
            return;
        }
        LOG.warn("handler of {} ran past the {} ms handler timeout; interrupting thread {} and answering EIO",
                watch.path, TimeUnit.NANOSECONDS.toMillis(timeoutNanos), watch.owner.getName());
        watch.owner.interrupt();
        watch.state.set(ABANDONED);
    }

    /** One thread's watch slot, reused for each call it makes. */
    public static final class Watch {
        static final Watch UNWATCHED = new Watch(null);

        private final Thread owner;
        private final AtomicInteger state = new AtomicInteger(IDLE);
        private volatile String path;
        private volatile long deadline;

        private Watch(Thread owner) {
            this.owner = owner;
        }

        /** Ends the call with its result; EIO instead if the call was abandoned meanwhile. */
        public int done(int result) {
            if (end()) {
                throw abandoned();
            }
            return result;
        }

        /** Ends the call that failed; the failure to throw (EIO if the call was abandoned meanwhile). */
        public RuntimeException failed(RuntimeException failure) {
            return end() ? abandoned() : failure;
        }

        private ProcException abandoned() {
            return new ProcException(Errno.EIO, path + ": handler abandoned after the handler timeout");
        }

        /** Ends the call; true if the watchdog abandoned it (its interrupt is then cleared). */
        public boolean end() {
            if (owner == null || state.compareAndSet(RUNNING, IDLE)) {
                return false;
            }
            while (state.get() == ABANDONING) {
                // The watchdog is between its decision and its interrupt; wait for the interrupt to land.
                Thread.onSpinWait();
            }
            // Clear the interrupt so it cannot leak into the next call this FUSE worker makes.
            Thread.interrupted();
            state.set(IDLE);
            return true;
        }
    }
}
