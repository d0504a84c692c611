package org.uprocfs.mount.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libfuse2's multi-threaded request loop ({@code fuse_session_loop_mt}) run on JVM threads. libfuse's
 * own workers are native threads that jffi attaches to the JVM and detaches again around each of their
 * first 1000 callbacks, and libfuse ends and starts workers as load changes, so under two readers most
 * requests paid for an attach, a new {@code java.lang.Thread} and a detach. A JVM thread calling
 * {@code fuse_session_process_buf} is attached already.
 *
 * <p>A small core of workers serves the mount: one per two CPUs. The kernel wakes the longest-waiting
 * reader of /dev/fuse for each request, so every idle worker beyond need adds the wake-up of a cold
 * thread on another CPU: on two CPUs one worker answered two readers 1.4 to 1.6 times as fast as the C
 * file system and four workers 1.0 to 1.25 times, because a worker that finds requests queued takes the
 * next one without sleeping. libfuse starts a worker whenever the last waiting one takes a request; on a
 * small machine a worker that has just replied is often preempted by the woken client before it waits
 * again, so that rule grew the pool to 16 threads. Here a spare worker starts only when every worker has
 * been busy for longer than {@link #STALL}: a handler that blocks, like a kmsg read or a hung module,
 * never holds up the mount for longer. Spares end when more than the core are waiting again.
 * FORGET requests do not count as work, as in libfuse.
 */
final class FuseWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(FuseWorkers.class);
    /** Workers kept: one per two CPUs, at least one, at most 16. */
    static final int CORE = Math.max(1, Math.min(16, java.lang.Runtime.getRuntime().availableProcessors() / 2));
    /** How long every worker must have been busy before a spare starts. */
    static final Duration STALL = Duration.ofMillis(10);
    /**
     * The most workers ever running: each blocked reader (kmsg, root's only) holds one, so the pool follows
     * the blocked readers up to here and other requests keep their workers; beyond it requests wait in the
     * kernel's queue, where their callers stay killable, instead of the thread count growing without bound.
     */
    static final int MAX_WORKERS = 256;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int FUSE_FORGET = 2;
    private static final int FUSE_BATCH_FORGET = 42;
    // struct fuse_buf (libfuse 2.9, LP64): size_t size; enum flags; void *mem; int fd; off_t pos.
    private static final long BUF_SIZE = 0;
    private static final long BUF_FLAGS = 8;
    private static final long BUF_MEM = 16;
    private static final long BUF_FD = 24;
    private static final long BUF_POS = 32;
    private static final int BUF_STRUCT_SIZE = 40;
    // struct fuse_in_header: uint32_t len; uint32_t opcode; ...
    private static final long OPCODE_OFFSET = 4;

    private final LibFuseSession lib;
    private final Runtime runtime;
    private final Pointer session;
    private final Pointer channel;
    private final long bufferSize;
    private final Object lock = new Object();
    private final AtomicInteger names = new AtomicInteger();
    private final Set<Worker> all = ConcurrentHashMap.newKeySet();
    private final Thread spares = new Thread(this::startSparesWhileStalled, "fuse-spares");
    // One warning when the cap is first reached, not one per stall.
    private boolean capLogged;
    private int workers;
    private int idle;

    FuseWorkers(LibFuseSession lib, Pointer fuse) {
        this.lib = lib;
        this.runtime = Runtime.getSystemRuntime();
        this.session = lib.fuse_get_session(fuse);
        this.channel = lib.fuse_session_next_chan(session, null);
        this.bufferSize = lib.fuse_chan_bufsize(channel);
        spares.setDaemon(true);
    }

    /**
     * Serves requests until the session ends (unmount), then waits up to {@code grace} for workers still
     * inside a handler; true if every worker stopped, so the session may be torn down.
     */
    boolean serveUntilEnded(Duration grace) throws InterruptedException {
        spares.start();
        try {
            synchronized (lock) {
                for (int i = 0; i < CORE; i++) {
                    start();
                }
                while (workers > 0 && lib.fuse_session_exited(session) == 0) {
                    lock.wait();
                }
                long deadline = System.nanoTime() + grace.toNanos();
                while (workers > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("{} FUSE worker(s) still inside a handler after the mount ended", workers);
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                return true;
            }
        } finally {
            spares.interrupt();
        }
    }

    /** Number of workers now; for tests and logs. */
    int workers() {
        synchronized (lock) {
            return workers;
        }
    }

    /** Starts a worker; called with the lock held. */
    private void start() {
        workers++;
        idle++;
        Thread worker = new Thread(() -> serve(new Worker()), "fuse-worker-" + names.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
    }

    private void serve(Worker self) {
        Pointer buf = Memory.allocateDirect(runtime, BUF_STRUCT_SIZE, true);
        Pointer mem = Memory.allocateDirect(runtime, bufferSize, false);
        Pointer chp = Memory.allocateDirect(runtime, runtime.addressSize(), true);
        boolean waiting = true;
        all.add(self);
        try {
            while (lib.fuse_session_exited(session) == 0) {
                buf.putLong(BUF_SIZE, bufferSize);
                buf.putInt(BUF_FLAGS, 0);
                buf.putPointer(BUF_MEM, mem);
                buf.putInt(BUF_FD, -1);
                buf.putLong(BUF_POS, 0);
                chp.putPointer(0, channel);
                int received = lib.fuse_session_receive_buf(session, buf, chp);
                if (received == -EINTR || received == -EAGAIN) {
                    continue;
                }
                if (received <= 0) {
                    if (received < 0) {
                        LOG.warn("reading /dev/fuse failed with errno {}; ending the session", -received);
                        lib.fuse_session_exit(session);
                    }
                    break;
                }
                boolean work = isWork(mem);
                if (work) {
                    boolean last;
                    synchronized (lock) {
                        waiting = false;
                        last = --idle == 0;
                    }
                    self.busySince = System.nanoTime();
                    if (last) {
                        LockSupport.unpark(spares);
                    }
                }
                lib.fuse_session_process_buf(session, buf, chp.getPointer(0));
                if (work) {
                    self.busySince = 0;
                    synchronized (lock) {
                        waiting = true;
                        if (++idle > CORE) {
                            break;
                        }
                    }
                }
            }
        } finally {
            all.remove(self);
            synchronized (lock) {
                workers--;
                if (waiting) {
                    idle--;
                }
                // A worker that died of something unexpected is replaced while the mount lives.
                if (idle == 0 && lib.fuse_session_exited(session) == 0) {
                    start();
                }
                lock.notifyAll();
            }
        }
    }

    /**
     * Woken when the last waiting worker takes a request; after {@link #STALL}, starts a spare if every
     * worker has been busy all that time. Wakes at most once per STALL under load.
     */
    private void startSparesWhileStalled() {
        long stallNanos = STALL.toNanos();
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.park(this);
            try {
                TimeUnit.NANOSECONDS.sleep(stallNanos);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            boolean stalled = !all.isEmpty();
            for (Worker worker : all) {
                long since = worker.busySince;
                stalled &= since != 0 && now - since > stallNanos;
            }
            synchronized (lock) {
                if (stalled && idle == 0 && workers >= MAX_WORKERS && !capLogged) {
                    capLogged = true;
                    LOG.warn("all {} FUSE workers are busy; further requests wait for one to finish", MAX_WORKERS);
                }
                if (stalled && idle == 0 && workers < MAX_WORKERS && lib.fuse_session_exited(session) == 0) {
                    LOG.debug("every FUSE worker busy for over {} ms; starting spare {}", STALL.toMillis(), workers + 1);
                    start();
                }
            }
        }
    }

    private static boolean isWork(Pointer request) {
        int opcode = request.getInt(OPCODE_OFFSET);
        return opcode != FUSE_FORGET && opcode != FUSE_BATCH_FORGET;
    }

    /** One worker's busy mark: when it took its request, 0 while it waits. */
    private static final class Worker {
        private volatile long busySince;
    }
}
