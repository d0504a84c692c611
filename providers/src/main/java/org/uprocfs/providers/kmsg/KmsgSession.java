package org.uprocfs.providers.kmsg;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.KernelLog;
import org.uprocfs.core.api.KernelLogRecord;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.RawReadSession;
import org.uprocfs.core.api.SignalPending;

/**
 * One open of kmsg: a reader's own cursor into the kernel log, which waits for new lines like
 * {@code /proc/kmsg} does.
 *
 * <p>The cursor and a partly handed-out line are guarded by {@code this}; the wait for new lines
 * happens outside that lock, in short slices, so {@link #close} (a volatile flag) wakes a blocked
 * reader within one slice.
 */
final class KmsgSession implements RawReadSession {
    /** How long one wait slice lasts; bounds how late a closed session notices. */
    static final long WAIT_SLICE_MILLIS = 20;

    private final KernelLog log;
    private final boolean nonBlocking;
    private long nextSequence;
    private byte[] partialLine;
    private int partialOffset;
    private volatile boolean closed;

    KmsgSession(KernelLog log, boolean nonBlocking) {
        this.log = log;
        this.nonBlocking = nonBlocking;
        // A new reader starts at the oldest line the ring still holds, as an open of /dev/kmsg does.
        List<KernelLogRecord> held = log.readFrom(0);
        this.nextSequence = held.isEmpty() ? log.nextSequence() : held.get(0).sequence();
    }

    /**
     * The next unread lines that fit {@code count}; the file offset is ignored because kmsg is a
     * stream. Waits while nothing is unread, or fails with EAGAIN for a non-blocking open.
     */
    /** A blocking reader waits for new lines without bound, as {@code cat /proc/kmsg} does. */
    @Override
    public boolean mayBlock() {
        return !nonBlocking;
    }

    @Override
    public int read(long offset, byte[] dst, int count) {
        if (count <= 0) {
            return 0;
        }
        while (true) {
            if (closed) {
                throw new ProcException(Errno.EIO, "kmsg reader was closed");
            }
            int n = takeLines(dst, count);
            if (n > 0) {
                return n;
            }
            if (log.isClosed()) {
                throw new ProcException(Errno.EIO, "the kernel log was closed");
            }
            if (nonBlocking) {
                throw new ProcException(Errno.EAGAIN, "no unread kernel log lines");
            }
            awaitSlice();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Copies whole lines while they fit; a first line longer than {@code count} is handed out in pieces. */
    private synchronized int takeLines(byte[] dst, int count) {
        if (partialLine != null) {
            int n = Math.min(count, partialLine.length - partialOffset);
            System.arraycopy(partialLine, partialOffset, dst, 0, n);
            partialOffset += n;
            if (partialOffset == partialLine.length) {
                partialLine = null;
            }
            return n;
        }
        int written = 0;
        for (KernelLogRecord record : log.readFrom(nextSequence)) {
            byte[] line = record.kmsgLine().getBytes(StandardCharsets.UTF_8);
            if (written + line.length > count) {
                if (written == 0) {
                    // The caller's buffer cannot hold even one line: give what fits, keep the rest.
                    System.arraycopy(line, 0, dst, 0, count);
                    partialLine = line;
                    partialOffset = count;
                    nextSequence = record.sequence() + 1;
                    written = count;
                }
                break;
            }
            System.arraycopy(line, 0, dst, written, line.length);
            written += line.length;
            // Lines the ring dropped before we read them are skipped, as the cursor jumps past them.
            nextSequence = record.sequence() + 1;
        }
        return written;
    }

    private void awaitSlice() {
        long waitFrom;
        synchronized (this) {
            waitFrom = nextSequence;
        }
        try {
            log.awaitFrom(waitFrom, WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcException(Errno.EINTR, "kmsg read interrupted");
        }
        if (SignalPending.current()) {
            // The reader was signalled (Ctrl-C, timeout, SIGKILL): devkmsg_read's wait returns -ERESTARTSYS.
            throw new ProcException(Errno.EINTR, "kmsg reader interrupted by a signal");
        }
    }
}
