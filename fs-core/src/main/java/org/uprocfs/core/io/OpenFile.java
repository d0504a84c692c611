package org.uprocfs.core.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.Caller;
import org.uprocfs.core.Errno;
import org.uprocfs.core.ProcException;
import org.uprocfs.core.entry.ProcFile;

/**
 * One open file description: the entry, who opened it and how, and the per-handle read state
 * (the rendered snapshot of a seq file, the position map of a legacy file, a raw session).
 * Reads on one handle are serialized; different handles proceed in parallel.
 */
public final class OpenFile {
    private static final Logger LOG = LoggerFactory.getLogger(OpenFile.class);

    private final ProcFile file;
    private final OpenRequest request;
    private final RawReadSession rawSession;
    private final SeqBufferPool buffers;
    private SeqBuffer snapshot;
    private long snapshotEnd = -1;
    private long legacyByteEnd = -1;
    private long legacyPosition;
    private long legacyEofAt = -1;
    private int renderCount;
    private volatile boolean closed;

    OpenFile(ProcFile file, OpenRequest request, SeqBufferPool buffers) {
        this.file = file;
        this.request = request;
        this.buffers = buffers;
        this.rawSession = file.handlers().read() instanceof RawReadHandler raw && request.readable()
                ? raw.open(request) : null;
    }

    /** The entry opened. */
    public ProcFile file() {
        return file;
    }

    /** Who opened it. */
    public Caller caller() {
        return request.caller();
    }

    /** The open flags. */
    public OpenRequest request() {
        return request;
    }

    /** How many times the content was rendered for this handle; sequential reading renders once. */
    public synchronized int renderCount() {
        return renderCount;
    }

    /** Whether a read may wait for data without bound (a blocking raw session such as kmsg). */
    boolean readMayBlock() {
        return rawSession != null && rawSession.mayBlock();
    }

    /** Reads up to {@code size} bytes at {@code offset}; 0 at or past the end. */
    int read(long offset, int size, ReadSink sink) {
        checkAlive();
        if (!request.readable()) {
            throw new ProcException(Errno.EBADF, "not open for reading");
        }
        ReadHandler handler = file.handlers().read();
        if (handler == null || size <= 0) {
            return 0;
        }
        if (handler instanceof RawReadHandler) {
            byte[] chunk = new byte[size];
            int n = rawSession.read(offset, chunk, size);
            checkAlive();
            if (n > 0) {
                sink.put(0, chunk, 0, Math.min(n, size));
            }
            return Math.max(0, Math.min(n, size));
        }
        synchronized (this) {
            if (handler instanceof LegacyReadProc legacy) {
                return readLegacy(legacy, offset, size, sink);
            }
            return readSnapshot(handler, offset, size, sink);
        }
    }

    private int readSnapshot(ReadHandler handler, long offset, int size, ReadSink sink) {
        // seq_read_iter: a read at 0 or anywhere but where the last one ended renders afresh and walks to it.
        if (snapshot == null || offset == 0 || offset != snapshotEnd) {
            // The handle renders into the same buffer every time; a render that fails leaves no snapshot.
            snapshotEnd = -1;
            if (snapshot == null) {
                snapshot = buffers.take(request.caller());
            } else {
                snapshot.reuse(request.caller());
            }
            try {
                SeqRenderer.renderInto(handler, snapshot);
            } catch (ProcException e) {
                if (snapshot.capReached()) {
                    // One line per capped render: the reader gets EFBIG, the operator learns which file and why.
                    LOG.warn("render of {} exceeded the render cap; answering EFBIG", file.path());
                }
                throw e;
            }
            renderCount++;
            checkAlive();
        }
        if (offset >= snapshot.size()) {
            snapshotEnd = offset;
            return 0;
        }
        int n = (int) Math.min(size, snapshot.size() - offset);
        sink.put(0, snapshot.array(), (int) offset, n);
        snapshotEnd = offset + n;
        return n;
    }

    private int readLegacy(LegacyReadProc legacy, long offset, int size, ReadSink sink) {
        // FUSE hands us byte offsets; a handler using start tokens counts positions its own way,
        // so a read that continues where the last ended resumes at the handler's own position.
        if (offset > 0 && offset == legacyEofAt) {
            // The handler said eof where the last read ended: a reader continuing there gets EOF instead of
            // a fresh call whose newer content would splice onto what it already has (2.6 called again).
            return 0;
        }
        long position = offset == legacyByteEnd ? legacyPosition : offset;
        LegacyPager.Result result = LegacyPager.read(legacy, file.path(), request.caller(), position, size, sink);
        renderCount++;
        legacyByteEnd = offset + result.copied();
        legacyPosition = result.position();
        legacyEofAt = result.eof() ? legacyByteEnd : -1;
        return result.copied();
    }

    /** Passes one write to the handler; EIO without one; the count is clamped to what was written. */
    int write(long offset, byte[] data) {
        checkAlive();
        if (!request.writable()) {
            throw new ProcException(Errno.EBADF, "not open for writing");
        }
        WriteHandler handler = file.handlers().write();
        if (handler == null) {
            throw new ProcException(Errno.EIO, file.path() + " has no write handler");
        }
        int taken = handler.write(new WriteRequest(data, offset, request.caller()));
        checkAlive();
        return Math.max(0, Math.min(taken, data.length));
    }

    /** Releases the per-handle state; wakes a blocked raw reader. */
    void close() {
        closed = true;
        if (rawSession != null) {
            rawSession.close();
        }
    }

    /** Hands the render buffer back for the next open; only at release, when no read can still use it. */
    synchronized void recycle() {
        if (snapshot != null) {
            buffers.give(snapshot);
            snapshot = null;
            snapshotEnd = -1;
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void checkAlive() {
        if (closed || file.isRemoved()) {
            throw new ProcException(Errno.EIO, file.path() + " was removed while open");
        }
    }
}
