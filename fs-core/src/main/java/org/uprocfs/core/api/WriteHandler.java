package org.uprocfs.core.api;

/** Takes the bytes of one {@code write(2)}, like {@code write_proc}/{@code proc_write}. */
@FunctionalInterface
public interface WriteHandler {

    /**
     * Handles one write; returns how many bytes were taken (a short count is legal and makes the
     * caller retry with the rest). Bad input throws {@link org.uprocfs.core.api.ProcException} and must
     * leave the old state untouched.
     */
    int write(WriteRequest request);
}
