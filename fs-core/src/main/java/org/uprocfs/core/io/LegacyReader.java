package org.uprocfs.core.io;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.LegacyReadProc;

/**
 * A 2.6 {@code read_proc} file: the handler is called per page through {@link LegacyPager}, and the
 * handler's own position (start tokens) is kept across reads that continue where the last one ended.
 */
final class LegacyReader implements FileReader {
    private final LegacyReadProc legacy;
    private final String path;
    private final Caller caller;
    private long byteEnd = -1;
    private long position;
    private long eofAt = -1;
    private int calls;

    LegacyReader(LegacyReadProc legacy, String path, Caller caller) {
        this.legacy = legacy;
        this.path = path;
        this.caller = caller;
    }

    @Override
    public synchronized int read(long offset, int size, ReadSink sink) {
        // FUSE hands us byte offsets; a handler using start tokens counts positions its own way,
        // so a read that continues where the last ended resumes at the handler's own position.
        if (offset > 0 && offset == eofAt) {
            // The handler said eof where the last read ended: a reader continuing there gets EOF instead of
            // a fresh call whose newer content would splice onto what it already has (2.6 called again).
            return 0;
        }
        long from = offset == byteEnd ? position : offset;
        LegacyPager.Result result = LegacyPager.read(legacy, path, caller, from, size, sink);
        calls++;
        byteEnd = offset + result.copied();
        position = result.position();
        eofAt = result.eof() ? byteEnd : -1;
        return result.copied();
    }

    @Override
    public synchronized int renderCount() {
        return calls;
    }
}
