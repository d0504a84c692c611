package org.uprocfs.core.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The page a legacy {@code read_proc} handler fills, with the kernel's {@code *start} and {@code *eof} controls. */
public final class ReadProcPage {
    private final byte[] page = new byte[SeqBuffer.PAGE_SIZE];
    private final Caller caller;
    private int length;
    private boolean eof;
    private StartMode startMode = StartMode.UNSET;
    private int start;

    /** How the handler set {@code *start}. */
    public enum StartMode {
        /** {@code *start} left NULL: the whole content from the page start. */
        UNSET,
        /** {@code *start} set to a small number: data at the page start, position advances by that number. */
        TOKEN,
        /** {@code *start} points inside the page: data begins there. */
        IN_PAGE
    }

    public ReadProcPage(Caller caller) {
        this.caller = caller;
    }

    /** Who is reading. */
    public Caller caller() {
        return caller;
    }

    /** Appends formatted text at the write position, like {@code len += sprintf(page + len, ...)}; returns the bytes written. */
    public int printf(String format, Object... args) {
        return print(String.format(Locale.ROOT, format, args));
    }

    /** Appends text UTF-8 encoded; returns the bytes written (text beyond the page is dropped). */
    public int print(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        return write(encoded, 0, encoded.length);
    }

    /** Appends bytes at the write position; returns the bytes written (bytes beyond the page are dropped). */
    public int write(byte[] src, int offset, int count) {
        int fits = Math.max(0, Math.min(count, page.length - length));
        System.arraycopy(src, offset, page, length, fits);
        length += fits;
        return fits;
    }

    /** Writes bytes at a given place in the page, for handlers that lay out data themselves. */
    public void put(int pageOffset, byte[] src, int offset, int count) {
        System.arraycopy(src, offset, page, pageOffset, count);
        length = Math.max(length, pageOffset + count);
    }

    /** The write position: how many bytes were appended so far. */
    public int length() {
        return length;
    }

    /** Sets {@code *eof = 1}: no data follows this call's. */
    public void setEof() {
        eof = true;
    }

    /** Sets {@code *start = page + pageOffset}: the data for the requested offset begins there. */
    public void setStart(int pageOffset) {
        if (pageOffset < 0 || pageOffset > page.length) {
            throw new IllegalArgumentException("start must lie inside the page: " + pageOffset);
        }
        startMode = StartMode.IN_PAGE;
        start = pageOffset;
    }

    /** Sets {@code *start} to a small number: data is at the page start and the position advances by {@code advance}. */
    public void setStartToken(int advance) {
        if (advance < 0 || advance >= page.length) {
            throw new IllegalArgumentException("a start token is a small positive number: " + advance);
        }
        startMode = StartMode.TOKEN;
        start = advance;
    }

    /** Whether the handler set eof; for the engine's paging loop. */
    public boolean eof() {
        return eof;
    }

    /** How the handler returned its data; for the engine's paging loop. */
    public StartMode startMode() {
        return startMode;
    }

    /** Where the data starts in the page, or the position token; for the engine's paging loop. */
    public int start() {
        return start;
    }

    /** The page itself; for the engine's paging loop. */
    public byte[] bytes() {
        return page;
    }
}
