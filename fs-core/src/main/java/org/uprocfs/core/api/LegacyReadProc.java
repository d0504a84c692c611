package org.uprocfs.core.api;

/**
 * The 2.6 {@code read_proc_t}: fill a fresh page for the given offset and return the byte count.
 *
 * <p>The three ways of returning data work as in {@code proc_file_read}: leave the start unset and
 * write the whole content from the page start (the engine skips {@code offset}); call
 * {@link ReadProcPage#setStartToken} with a small number to return data at the page start and
 * advance the file position by that number; or call {@link ReadProcPage#setStart} with a position
 * inside the page where the data for {@code offset} begins. Content is regenerated per call.
 */
@FunctionalInterface
public non-sealed interface LegacyReadProc extends ReadHandler {

    /**
     * Fills the page; returns how many bytes are valid (0 means nothing more).
     *
     * @param page the fresh page, with its start and eof controls
     * @param offset the file position of this call
     * @param count at most this many bytes are wanted, never more than PAGE_SIZE - 1024
     */
    int read(ReadProcPage page, long offset, int count);
}
