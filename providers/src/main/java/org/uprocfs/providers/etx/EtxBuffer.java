package org.uprocfs.providers.etx;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * The etx_proc array: a bounded byte buffer that a write replaces whole.
 *
 * <p>The content is an immutable array swapped atomically, so a reader sees either the old or the
 * new value and concurrent writers never interleave into a torn one.
 */
final class EtxBuffer {
    private final int capacity;
    private final AtomicReference<byte[]> content;

    EtxBuffer(int capacity, byte[] initial) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        // The original initialised a fixed array; what does not fit it is cut off.
        this.content = new AtomicReference<>(Arrays.copyOf(initial, Math.min(initial.length, capacity)));
    }

    /** The current content; callers must not modify it. */
    byte[] content() {
        return content.get();
    }

    /**
     * Replaces the content with exactly these bytes. More bytes than the buffer holds fail with EINVAL
     * and leave the content alone (the original copied them past its array).
     */
    void replace(byte[] bytes) {
        checkFits(bytes);
        content.set(bytes.clone());
    }

    /** EINVAL unless the bytes fit the buffer. */
    void checkFits(byte[] bytes) {
        if (bytes.length > capacity) {
            throw new ProcException(Errno.EINVAL,
                    "etx_proc holds at most " + capacity + " bytes, " + bytes.length + " written");
        }
    }

    /** How many bytes the buffer holds at most. */
    int capacity() {
        return capacity;
    }
}
