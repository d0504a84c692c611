package org.uprocfs.core.io;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * The bytes every open handle holds in its render buffer, shared by all handles: a whole show snapshot or
 * a streaming seq page. A reservation past the global budget, or past one uid's share of it, is refused
 * (the reader gets ENOMEM), so no reader (and no unprivileged caller holding many handles) can take the heap from the others.
 */
final class SnapshotBudget {
    /** Why a reservation was refused: one log line per cause, not per request. */
    enum Refusal {
        BUDGET, SHARE, HEAP
    }

    // Logged as the open file's, the name operators configure for what happens to open handles.
    private static final Logger LOG = LoggerFactory.getLogger(OpenFile.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final long limit;
    private final AtomicLongArray lastLogged = new AtomicLongArray(Refusal.values().length);
    private final AtomicLongArray suppressed = new AtomicLongArray(Refusal.values().length);
    private final AtomicLong linesLogged = new AtomicLong();
    private final long perUid;
    private final Map<Integer, Long> byUid = new HashMap<>();
    private long used;

    SnapshotBudget(long limit, long perUid) {
        if (limit <= 0 || perUid <= 0) {
            throw new IllegalArgumentException("budget must be positive: " + limit + ", " + perUid);
        }
        this.limit = limit;
        this.perUid = Math.min(perUid, limit);
    }

    /**
     * A quarter of the heap for all handles (or the render cap, where one was chosen above that, up to half
     * the heap, so one render of the largest file the cap allows fits), half of that for one uid.
     */
    static SnapshotBudget ofHeap(long renderCap) {
        long heap = Runtime.getRuntime().maxMemory();
        long limit = Math.max(heap / 4, Math.min(renderCap, heap / 2));
        return new SnapshotBudget(limit, limit / 2);
    }

    long limit() {
        return limit;
    }

    long perUid() {
        return perUid;
    }

    /** Takes {@code bytes} for the caller; the cause of a refusal otherwise (nothing is taken then). */
    synchronized Refusal reserve(Caller caller, long bytes) {
        if (bytes <= 0) {
            return null;
        }
        long mine = byUid.getOrDefault(caller.uid(), 0L);
        // Root, who owns the mount, is held to the whole budget only, as CAP_SYS_RESOURCE lifts a limit.
        if (!caller.isRoot() && mine + bytes > perUid) {
            return Refusal.SHARE;
        }
        if (used + bytes > limit) {
            return Refusal.BUDGET;
        }
        used += bytes;
        byUid.put(caller.uid(), mine + bytes);
        return null;
    }

    /** Takes bytes already allocated (a kept array larger than asked); never fails. */
    synchronized void force(Caller caller, long bytes) {
        if (bytes > 0) {
            used += bytes;
            byUid.merge(caller.uid(), bytes, Long::sum);
        }
    }

    /** Gives bytes back at release, or when a render fails. */
    synchronized void release(Caller caller, long bytes) {
        if (bytes <= 0) {
            return;
        }
        used = Math.max(0, used - bytes);
        byUid.computeIfPresent(caller.uid(), (uid, held) -> held - bytes <= 0 ? null : held - bytes);
    }

    /** Bytes held by all handles. */
    synchronized long used() {
        return used;
    }

    /** Bytes held by one uid's handles. */
    synchronized long usedBy(int uid) {
        return byUid.getOrDefault(uid, 0L);
    }

    /**
     * The ENOMEM a refused render answers; logs one line per cause every ten seconds at most, with how
     * many refusals of that cause it did not log, so a flood of readers cannot flood the log.
     */
    ProcException refused(Refusal cause, Caller caller, String path, long bytes) {
        String detail = switch (cause) {
            case SHARE -> "uid " + caller.uid() + " already holds its share of " + perUid + " snapshot bytes";
            case BUDGET -> "open handles hold the whole budget of " + limit + " snapshot bytes";
            case HEAP -> "the heap is exhausted";
        };
        long now = System.nanoTime();
        int slot = cause.ordinal();
        long last = lastLogged.get(slot);
        if ((last == 0 || now - last >= LOG_INTERVAL_NANOS) && lastLogged.compareAndSet(slot, last, now == 0 ? 1 : now)) {
            long quiet = suppressed.getAndSet(slot, 0);
            linesLogged.incrementAndGet();
            LOG.warn("render of {} needs {} more bytes but {}; answering ENOMEM{}", path, bytes, detail,
                    quiet == 0 ? "" : " (" + quiet + " more refusals since the last such line)");
        } else {
            suppressed.incrementAndGet(slot);
        }
        return new ProcException(Errno.ENOMEM, path + ": " + detail);
    }

    /** Log lines written about refusals; for tests. */
    long linesLogged() {
        return linesLogged.get();
    }
}
