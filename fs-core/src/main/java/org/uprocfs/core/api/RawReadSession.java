package org.uprocfs.core.api;

/** The per-open state of a {@link RawReadHandler}. */
public interface RawReadSession {

    /**
     * Reads up to {@code count} bytes at {@code offset} into {@code dst}; returns the byte count, 0 at EOF.
     * A blocking session may wait; it must return promptly with EIO once {@link #close} is called.
     */
    int read(long offset, byte[] dst, int count);

    /**
     * Whether a read may wait for data without bound, as {@code /proc/kmsg} does; such reads are not
     * abandoned by the handler timeout, and {@link #close} must wake them.
     */
    default boolean mayBlock() {
        return false;
    }

    /** Called once when the file is released or its entry is removed; wakes blocked readers. */
    default void close() {
    }
}
