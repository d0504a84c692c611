package org.uprocfs.providers.howto;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.ReadProcPage;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.WriteHandler;
import org.uprocfs.core.api.WriteRequest;

/**
 * The how-to's legacy procfs file: holds what was last written, up to one page less a terminator,
 * and reads it back.
 *
 * <p>The content is an immutable array swapped atomically, so concurrent writes and reads need no lock.
 */
final class PageBufferFile implements LegacyReadProc, WriteHandler {
    /** The legacy API suits data smaller than a page; one byte stays for the C string's terminator. */
    static final int CAPACITY = SeqBuffer.PAGE_SIZE - 1;

    private final AtomicReference<byte[]> content = new AtomicReference<>(new byte[0]);

    /** read_proc with start unset: the whole content from the page start; the engine skips to the offset. */
    @Override
    public int read(ReadProcPage page, long offset, int count) {
        byte[] current = content.get();
        int n = page.write(current, 0, current.length);
        if (current.length - offset <= count) {
            // Nothing follows what this call hands out: without eof, a reader continuing at the end would
            // call again and get the tail of a value written meanwhile spliced onto this one.
            page.setEof();
        }
        return n;
    }

    /** write_proc: replaces the content; a write beyond the capacity keeps the first part and reports the short count. */
    @Override
    public int write(WriteRequest request) {
        int taken = Math.min(request.length(), CAPACITY);
        content.set(Arrays.copyOf(request.data(), taken));
        return taken;
    }
}
