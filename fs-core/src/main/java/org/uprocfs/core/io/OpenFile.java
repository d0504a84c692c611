package org.uprocfs.core.io;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.WriteHandler;
import org.uprocfs.core.api.WriteRequest;
import org.uprocfs.core.entry.ProcFile;

/**
 * One open file description: the entry, who opened it and how, and the reader its handler's shape
 * chose at open. Reads on one handle are serialized by its reader; different handles proceed in parallel.
 */
public final class OpenFile {
    private final ProcFile file;
    private final OpenRequest request;
    private final FileReader reader;
    private volatile boolean closed;

    OpenFile(ProcFile file, OpenRequest request, SeqBufferPool buffers) {
        this.file = file;
        this.request = request;
        this.reader = FileReader.open(file, request, buffers);
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
    public int renderCount() {
        return reader.renderCount();
    }

    /** Whether a read may wait for data without bound (a blocking raw session such as kmsg). */
    boolean readMayBlock() {
        return reader.mayBlock();
    }

    /** Reads up to {@code size} bytes at {@code offset}; 0 at or past the end. */
    int read(long offset, int size, ReadSink sink) {
        checkAlive();
        if (!request.readable()) {
            throw new ProcException(Errno.EBADF, "not open for reading");
        }
        if (size <= 0) {
            return 0;
        }
        int n = reader.read(offset, size, sink);
        // Removed while the handler ran (rmmod): the bytes are not answered, the reader gets EIO.
        checkAlive();
        return n;
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
        reader.close();
    }

    /** Hands the render buffer back for the next open; only at release, when no read can still use it. */
    void recycle() {
        reader.recycle();
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
