package org.uprocfs.core.io;

import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.RawReadHandler;
import org.uprocfs.core.api.ReadHandler;
import org.uprocfs.core.api.SeqOperations;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.core.entry.ProcFile;

/**
 * How one open file produces its bytes, chosen once at open from the handler's shape, as the kernel
 * chooses {@code seq_read_iter} or a module's own {@code proc_read} at registration.
 */
sealed interface FileReader permits SnapshotReader, StreamReader, LegacyReader, RawReader, FileReader.Empty {

    /** Up to {@code size} bytes at {@code offset} into the sink; 0 at EOF. */
    int read(long offset, int size, ReadSink sink);

    /** Whether a read may wait for data without bound (kmsg). */
    default boolean mayBlock() {
        return false;
    }

    /** How many times the content was rendered (or the handler called) for this handle. */
    default int renderCount() {
        return 0;
    }

    /** Wakes a blocked reader; called at release and when the entry is removed. */
    default void close() {
    }

    /** Hands pooled buffers back; only at release, when no read can still use them. */
    default void recycle() {
    }

    /** The reader for a file opened with this request: none for write-only handles or handler-less files. */
    static FileReader open(ProcFile file, OpenRequest request, SeqBufferPool buffers) {
        ReadHandler handler = file.handlers().read();
        if (!request.readable() || handler == null) {
            return Empty.INSTANCE;
        }
        if (handler instanceof RawReadHandler raw) {
            return new RawReader(raw.open(request));
        }
        if (handler instanceof LegacyReadProc legacy) {
            return new LegacyReader(legacy, file.path(), request.caller());
        }
        if (handler instanceof SeqOperations<?> seq) {
            // seq_read_iter: records stream through one page per handle, never the whole file.
            return new StreamReader(seq, file.path(), request.caller(), buffers);
        }
        if (handler instanceof ShowHandler show) {
            return new SnapshotReader(show, file.path(), request.caller(), buffers);
        }
        throw new IllegalArgumentException("not a read handler shape: " + handler.getClass().getName());
    }

    /** A file without a read handler (or opened write-only) reads as empty. */
    enum Empty implements FileReader {
        INSTANCE;

        @Override
        public int read(long offset, int size, ReadSink sink) {
            return 0;
        }
    }
}
