package org.uprocfs.core.io;

import org.uprocfs.core.api.RawReadSession;
/** A handler that owns its offsets ({@code proc_read}): sysctl values, kmsg, host files; no snapshot, no paging. */
final class RawReader implements FileReader {
    private final RawReadSession session;

    RawReader(RawReadSession session) {
        this.session = session;
    }

    @Override
    public int read(long offset, int size, ReadSink sink) {
        byte[] chunk = new byte[size];
        int n = Math.max(0, Math.min(session.read(offset, chunk, size), size));
        if (n > 0) {
            sink.put(0, chunk, 0, n);
        }
        return n;
    }

    @Override
    public boolean mayBlock() {
        return session.mayBlock();
    }

    @Override
    public void close() {
        session.close();
    }
}
