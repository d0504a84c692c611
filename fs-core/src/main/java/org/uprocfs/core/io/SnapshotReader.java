package org.uprocfs.core.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;

/**
 * A show file ({@code single_open}): the whole content is rendered into the handle's buffer on the first
 * read and continuation reads are served from it, so one reader never sees a torn record. The snapshot's
 * bytes are charged to the shared {@link SnapshotBudget}: a render past it, or past the heap, answers
 * ENOMEM, and the bytes are given back at release or when the render fails.
 */
final class SnapshotReader implements FileReader {
    // Logged as the open file's, the name operators configure for what happens to open handles.
    private static final Logger LOG = LoggerFactory.getLogger(OpenFile.class);

    private final ShowHandler handler;
    private final String path;
    private final Caller caller;
    private final SnapshotBudget budget;
    private final BufferAccount account;
    private SeqBuffer snapshot;
    private long snapshotEnd = -1;
    private int renders;

    SnapshotReader(ShowHandler handler, String path, Caller caller, SeqBufferPool buffers) {
        this.handler = handler;
        this.path = path;
        this.caller = caller;
        this.budget = buffers.budget();
        this.account = new BufferAccount(budget, buffers, caller, path);
    }

    @Override
    public synchronized int read(long offset, int size, ReadSink sink) {
        // seq_read_iter: a read at 0 or anywhere but where the last one ended renders afresh and walks to it.
        if (snapshot == null || offset == 0 || offset != snapshotEnd) {
            // The handle renders into the same buffer every time; a render that fails leaves no snapshot.
            snapshotEnd = -1;
            snapshot = null;
            SeqBuffer buffer = account.buffer();
            try {
                handler.show(buffer);
            } catch (ProcException e) {
                if (buffer.capReached()) {
                    // One line per capped render: the reader gets EFBIG, the operator learns which file and why.
                    LOG.warn("render of {} exceeded the render cap; answering EFBIG", path);
                }
                account.giveBack();
                throw e;
            } catch (OutOfMemoryError e) {
                // The heap ran out under this render (another allocation may have taken the last of it).
                account.giveBack();
                throw budget.refused(SnapshotBudget.Refusal.HEAP, caller, path, buffer.capacity());
            } catch (RuntimeException | Error e) {
                account.giveBack();
                throw e;
            }
            snapshot = buffer;
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
        account.giveBack();
        snapshot = null;
        snapshotEnd = -1;
    }
}
