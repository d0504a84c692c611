package org.uprocfs.providers.fortune;

import java.util.Arrays;

/**
 * The fortune module's pot: one fixed block of bytes holding NUL-terminated cookies back to back.
 *
 * <p>Guarded by {@code this}: write(2) and read(2) reach the pot from many FUSE threads at once, and
 * both the write index and the read index must move together with the bytes they describe.
 */
final class CookiePot {
    private final byte[] pot;
    private int writeIndex;
    private int readIndex;

    CookiePot(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cookie pot needs room for at least one byte: " + capacity);
        }
        this.pot = new byte[capacity];
    }

    /**
     * Stores one cookie; its last byte (normally the newline of {@code echo}) becomes the terminator.
     * Returns false, storing nothing, when the cookie does not fit the room left.
     */
    synchronized boolean add(byte[] cookie) {
        // The original measured the room as one byte larger than it was and could write past the pot;
        // here a cookie must fit exactly, terminator included.
        if (cookie.length > pot.length - writeIndex) {
            return false;
        }
        if (cookie.length == 0) {
            // A zero-byte write stores no cookie (the original would have clobbered the byte before the pot).
            return true;
        }
        System.arraycopy(cookie, 0, pot, writeIndex, cookie.length);
        writeIndex += cookie.length;
        pot[writeIndex - 1] = 0;
        return true;
    }

    /**
     * The next cookie without its terminator, then advances past it; after the last cookie it wraps to
     * the first. An empty pot yields an empty cookie.
     */
    synchronized byte[] next() {
        if (readIndex >= writeIndex) {
            readIndex = 0;
        }
        int end = readIndex;
        while (end < writeIndex && pot[end] != 0) {
            end++;
        }
        byte[] cookie = Arrays.copyOfRange(pot, readIndex, end);
        // Skip the text and its terminator, as the original skipped the length sprintf reported.
        readIndex = end + 1;
        return cookie;
    }

    /**
     * The pot's used bytes as they would be after {@link #add}, or {@code null} when the cookie does not
     * fit; lets the module save the new pot durably before it changes the one in memory.
     */
    synchronized byte[] usedBytesWith(byte[] cookie) {
        if (cookie.length > pot.length - writeIndex) {
            return null;
        }
        byte[] next = Arrays.copyOf(pot, writeIndex + cookie.length);
        System.arraycopy(cookie, 0, next, writeIndex, cookie.length);
        if (cookie.length > 0) {
            next[next.length - 1] = 0;
        }
        return next;
    }

    /** The used bytes, terminators included: what a restart needs to rebuild the pot. */
    synchronized byte[] usedBytes() {
        return Arrays.copyOf(pot, writeIndex);
    }

    /** Refills the pot from saved used bytes; the read position starts at the first cookie. */
    synchronized void restore(byte[] used) {
        if (used.length > pot.length || (used.length > 0 && used[used.length - 1] != 0)) {
            throw new IllegalArgumentException("a saved pot must fit and end with a terminator");
        }
        System.arraycopy(used, 0, pot, 0, used.length);
        writeIndex = used.length;
        readIndex = 0;
    }

    /** Bytes used so far, terminators included. */
    synchronized int used() {
        return writeIndex;
    }

    /** The pot's size in bytes. */
    int capacity() {
        return pot.length;
    }
}
