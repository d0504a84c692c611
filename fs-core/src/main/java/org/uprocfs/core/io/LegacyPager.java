package org.uprocfs.core.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ReadProcPage;
import org.uprocfs.core.api.SeqBuffer;

/** The loop of 2.6's {@code proc_file_read}: calls a read_proc handler page by page until the request is filled. */
public final class LegacyPager {
    /** PROC_BLOCK_SIZE: a handler is never asked for more than a page less 1024 bytes. */
    public static final int BLOCK_SIZE = SeqBuffer.PAGE_SIZE - 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LegacyPager.class);

    private LegacyPager() {
    }

    /** The outcome of one read: bytes copied, the handler's position after them, and whether nothing follows them. */
    public record Result(int copied, long position, boolean eof) {
    }

    /**
     * Reads up to {@code wanted} bytes starting at handler position {@code position}.
     * An error is thrown only if nothing was copied yet, as the kernel returns it only then.
     */
    public static Result read(LegacyReadProc handler, String path, Caller caller, long position, int wanted,
            ReadSink sink) {
        int copied = 0;
        long pos = position;
        boolean eof = false;
        boolean cut = false;
        while (copied < wanted && !eof) {
            int count = Math.min(BLOCK_SIZE, wanted - copied);
            if (copied > 0) {
                // Between pages, as the 2.6 loop could be left for a signal: an abandoned call stops here.
                SeqBuffer.checkInterrupted();
            }
            ReadProcPage page = new ReadProcPage(caller);
            int n;
            try {
                n = handler.read(page, pos, count);
            } catch (ProcException e) {
                if (copied == 0) {
                    throw e;
                }
                break;
            }
            if (n <= 0) {
                break;
            }
            eof = page.eof();
            int from;
            switch (page.startMode()) {
                case UNSET -> {
                    n = clampToPage(n, 0, path);
                    if (pos >= n) {
                        n = 0;
                    } else {
                        n -= (int) pos;
                    }
                    if (n <= 0) {
                        eof = true;
                        n = 0;
                    }
                    cut = n > count;
                    n = Math.min(n, count);
                    from = (int) Math.min(pos, SeqBuffer.PAGE_SIZE);
                }
                case TOKEN -> {
                    n = clampToPage(n, 0, path);
                    if (n > count) {
                        // The kernel warns and copies the whole block anyway (cutting it would lose data,
                        // as the position advances by the token); we copy it too, but never past the
                        // caller's buffer.
                        int room = wanted - copied;
                        LOG.warn("read_proc of {} returned {} bytes for a count of {}{}", path, n, count,
                                n > room ? "; truncated to the " + room + " bytes requested" : "");
                        cut = n > room;
                        n = Math.min(n, room);
                    }
                    from = 0;
                }
                case IN_PAGE -> {
                    from = page.start();
                    n = clampToPage(n, from, path);
                    cut = n > count;
                    n = Math.min(n, count);
                }
                default -> throw new IllegalStateException();
            }
            if (n == 0) {
                break;
            }
            sink.put(copied, page.bytes(), from, n);
            copied += n;
            pos += page.startMode() == ReadProcPage.StartMode.TOKEN ? page.start() : n;
        }
        // An eof whose page was cut to the count still has bytes to give at the next position.
        return new Result(copied, pos, eof && !cut);
    }

    private static int clampToPage(int n, int startOffset, String path) {
        int room = SeqBuffer.PAGE_SIZE - startOffset;
        if (n > room) {
            LOG.error("read_proc of {}: apparent buffer overflow ({} bytes from page offset {})", path, n, startOffset);
            return room;
        }
        return n;
    }
}
