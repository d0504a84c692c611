package org.uprocfs.core.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ReadHandler;
import org.uprocfs.core.api.SeqBuffer;

/**
 * A show or seq file: the whole content is rendered into the handle's buffer on the first read and
 * continuation reads are served from it, so one reader never sees a torn record ({@code seq_read}).
 */
final class SnapshotReader implements FileReader {
    // Logged as the open file's, the name operators configure for what happens to open handles.
    private static final Logger LOG = LoggerFactory.getLogger(OpenFile.class);

    private final ReadHandler handler;
    private final String path;
    private final Caller caller;
    private final SeqBufferPool buffers;
    private SeqBuffer snapshot;
    private long snapshotEnd = -1;
    private int renders;

    SnapshotReader(ReadHandler handler, String path, Caller caller, SeqBufferPool buffers) {
        this.handler = handler;
        this.path = path;
        this.caller = caller;
        this.buffers = buffers;
    }

    @Override
    public synchronized int read(long offset, int size, ReadSink sink) {
        // seq_read_iter: a read at 0 or anywhere but where the last one ended renders afresh and walks to it.
        if (snapshot == null || offset == 0 || offset != snapshotEnd) {
            // The handle renders into the same buffer every time; a render that fails leaves no snapshot.
            snapshotEnd = -1;
            if (snapshot == null) {
                snapshot = buffers.take(caller);
            } else {
                snapshot.reuse(caller);
            }
            try {
                SeqRenderer.renderInto(handler, snapshot);
            } catch (ProcException e) {
                if (snapshot.capReached()) {
                    // One line per capped render: the reader gets EFBIG, the operator learns which file and why.
                    LOG.warn("render of {} exceeded the render cap; answering EFBIG", path);
                }
                throw e;
            }
            renders++;
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

    @Override
    public synchronized int renderCount() {
        return renders;
    }

    @Override
    public synchronized void recycle() {
        if (snapshot != null) {
            buffers.give(snapshot);
            snapshot = null;
            snapshotEnd = -1;
        }
    }
}
