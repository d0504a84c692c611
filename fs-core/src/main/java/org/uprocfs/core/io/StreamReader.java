package org.uprocfs.core.io;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/**
 * A seq file read the way {@code seq_read_iter} reads it: the handle keeps one buffer of a page (larger
 * only while a single record does not fit) and the index of the next record, never the whole file.
 *
 * <p>A read that continues where the last one ended first serves the bytes left in the buffer, then
 * calls {@code start(index)} and walks on with {@code next}, putting whole records into the buffer and
 * the buffer into the reply, and calls {@code stop} before it returns. A read at offset 0, or anywhere
 * else (pread, lseek), starts again from {@code start(0)} and walks to the offset as {@code traverse}
 * does. The buffer is charged to the shared {@link SnapshotBudget}.
 */
final class StreamReader implements FileReader {
    private final SeqOperations<Object> ops;
    private final BufferAccount account;
    private SeqBuffer buffer;
    /** The bytes of the buffer already answered; {@code buffer.size() - from} wait for the next read. */
    private int from;
    /** The position of the record after those in the buffer: where the next {@code start} begins. */
    private long index;
    /** Where the next read is expected to begin; -1 before the first. */
    private long readPos = -1;
    private int restarts;

    @SuppressWarnings("unchecked")
    StreamReader(SeqOperations<?> ops, String path, Caller caller, SeqBufferPool buffers) {
        this.ops = (SeqOperations<Object>) ops;
        this.account = new BufferAccount(buffers.budget(), buffers, caller, path);
    }

    @Override
    public synchronized int read(long offset, int size, ReadSink sink) {
        if (offset == 0 || offset != readPos) {
            readPos = -1;
            traverse(offset);
            readPos = offset;
        }
        int copied = 0;
        int pending = buffer.size() - from;
        if (pending > 0) {
            copied = Math.min(pending, size);
            sink.put(0, buffer.array(), from, copied);
            from += copied;
            if (copied == size) {
                readPos += copied;
                return copied;
            }
        }
        copied += fill(size - copied, copied, sink);
        readPos += copied;
        return copied;
    }

    /**
     * Walks from {@code start(index)} putting whole records into the emptied buffer and the buffer into the
     * reply at {@code at}, until {@code wanted} bytes are there or the records end; what of the last record
     * does not fit stays in the buffer for the next read. Returns the bytes put.
     */
    private int fill(int wanted, int at, ReadSink sink) {
        buffer.reuse(buffer.caller());
        from = 0;
        int put = 0;
        Object item = null;
        // The bytes of the buffer that are whole records; a failure rolls back to here.
        int whole = 0;
        try {
            item = ops.start(index);
            while (item != null && put + buffer.size() < wanted) {
                int recordStart = buffer.size();
                // Only the first record of a buffer may grow it: others wait for the next, empty, buffer.
                buffer.limitGrowth(recordStart > 0);
                try {
                    ops.show(buffer, item);
                } catch (SeqBuffer.Full full) {
                    // The buffer holds whole records that all fit the reply: send them, show this one again.
                    buffer.truncate(recordStart);
                    sink.put(at + put, buffer.array(), 0, recordStart);
                    put += recordStart;
                    buffer.reuse(buffer.caller());
                    whole = 0;
                    continue;
                }
                whole = buffer.size();
                index++;
                // An endless seq that prints nothing never fills the reply; the watchdog's interrupt stops it here.
                SeqBuffer.checkInterrupted();
                item = ops.next(item, index);
            }
        } catch (RuntimeException e) {
            // Never emit half a record, as seq_read drops a failed one; what was read is still answered
            // (seq_read returns the bytes copied before an error), and the next read meets the error again.
            buffer.truncate(whole);
            if (put + buffer.size() == 0 && at == 0) {
                buffer.limitGrowth(false);
                throw e;
            }
        } finally {
            buffer.limitGrowth(false);
            ops.stop(item);
        }
        int n = Math.min(buffer.size(), wanted - put);
        sink.put(at + put, buffer.array(), 0, n);
        from = n;
        return put + n;
    }

    /** Starts again from {@code start(0)} and shows records up to the one holding {@code offset}. */
    private void traverse(long offset) {
        restarts++;
        buffer = account.buffer();
        from = 0;
        index = 0;
        if (offset == 0) {
            // Nothing to walk past: the read's own start(0) begins the file.
            return;
        }
        long position = 0;
        Object item = null;
        try {
            item = ops.start(0);
            while (item != null) {
                buffer.reuse(buffer.caller());
                ops.show(buffer, item);
                index++;
                long end = position + buffer.size();
                if (end > offset) {
                    // The record holding the offset stays in the buffer, answered from the offset on.
                    from = (int) (offset - position);
                    return;
                }
                position = end;
                SeqBuffer.checkInterrupted();
                item = ops.next(item, index);
            }
            // The offset is at or past the end: nothing waits, and start(index) finds no record.
            buffer.reuse(buffer.caller());
        } catch (RuntimeException e) {
            buffer.reuse(buffer.caller());
            index = 0;
            throw e;
        } finally {
            ops.stop(item);
        }
    }

    @Override
    public synchronized int renderCount() {
        return restarts;
    }

    @Override
    public synchronized void recycle() {
        account.giveBack();
        buffer = null;
        from = 0;
        readPos = -1;
    }
}
