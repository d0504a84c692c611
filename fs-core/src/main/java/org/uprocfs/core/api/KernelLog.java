package org.uprocfs.core.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The bounded ring buffer printk writes into, read back as kmsg; readers can wait for new lines. */
public final class KernelLog {
    private final int capacity;
    private final ProcClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final ArrayDeque<KernelLogRecord> records = new ArrayDeque<>();
    private long nextSequence;
    private boolean closed;

    public KernelLog(int capacity, ProcClock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Appends one line; the oldest line is dropped when the buffer is full, as the kernel's ring does. */
    public KernelLogRecord append(LogLevel level, String text) {
        lock.lock();
        try {
            KernelLogRecord record = new KernelLogRecord(nextSequence++, level, clock.uptimeNanos() / 1000, text);
            if (records.size() == capacity) {
                records.removeFirst();
            }
            records.addLast(record);
            appended.signalAll();
            return record;
        } finally {
            lock.unlock();
        }
    }

    /** The lines with a sequence number at or after {@code sequence} still in the buffer. */
    public List<KernelLogRecord> readFrom(long sequence) {
        lock.lock();
        try {
            List<KernelLogRecord> out = new ArrayList<>();
            for (KernelLogRecord record : records) {
                if (record.sequence() >= sequence) {
                    out.add(record);
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a line with sequence at or after {@code sequence} exists, the log is closed or the
     * timeout passes; returns whether such a line exists.
     */
    public boolean awaitFrom(long sequence, long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (nextSequence <= sequence && !closed) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = appended.awaitNanos(remaining);
            }
            return nextSequence > sequence;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting reader for good; used when the file system unmounts. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The sequence number the next line will get. */
    public long nextSequence() {
        lock.lock();
        try {
            return nextSequence;
        } finally {
            lock.unlock();
        }
    }
}
