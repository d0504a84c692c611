package org.uprocfs.core.io;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ReadHandler;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;
import org.uprocfs.core.api.ShowHandler;

/** Renders a show or seq handler into a fresh {@link SeqBuffer}, always calling stop for a seq. */
public final class SeqRenderer {
    private SeqRenderer() {
    }

    /** Renders the whole content of a show or seq handler for one reader. */
    public static SeqBuffer render(ReadHandler handler, Caller caller, long capBytes) {
        return renderInto(handler, new SeqBuffer(caller, capBytes));
    }

    /** Renders into an empty buffer the caller owns, so a handle can reuse one buffer for every render. */
    static SeqBuffer renderInto(ReadHandler handler, SeqBuffer buffer) {
        if (handler instanceof ShowHandler show) {
            show.show(buffer);
        } else if (handler instanceof SeqOperations<?> seq) {
            renderSeq(seq, buffer);
        } else {
            throw new IllegalArgumentException("not a seq_file handler: " + handler.getClass().getName());
        }
        return buffer;
    }

    private static <T> void renderSeq(SeqOperations<T> ops, SeqBuffer buffer) {
        long position = 0;
        T item = null;
        try {
            // Inside the try: seq_read calls stop even when start fails.
            item = ops.start(position);
            while (item != null) {
                int recordStart = buffer.size();
                try {
                    ops.show(buffer, item);
                } catch (RuntimeException e) {
                    // Never emit half a record, as seq_read drops an overflowing one.
                    buffer.truncate(recordStart);
                    throw e;
                }
                position++;
                // An endless seq that prints nothing never grows the buffer; the watchdog's interrupt stops it here.
                SeqBuffer.checkInterrupted();
                item = ops.next(item, position);
            }
        } finally {
            ops.stop(item);
        }
    }
}
