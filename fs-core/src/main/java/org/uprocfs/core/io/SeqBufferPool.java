package org.uprocfs.core.io;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.SeqBuffer;

/**
 * A few render buffers kept between opens, so the usual open + read + close of a small file allocates
 * no new page; lock-free and allocation-free. The array of the largest buffer that grew past the limit
 * is kept too, softly: the next render that outgrows a small buffer moves into it at once instead of
 * doubling its way up again, so reading a 16 MiB file over and over allocates nothing, and the collector
 * may still take the array when memory runs short.
 */
final class SeqBufferPool implements SeqBuffer.Growth {
    private final AtomicReferenceArray<SeqBuffer> slots;
    private final AtomicReference<SoftReference<byte[]>> large = new AtomicReference<>();
    private final long capBytes;
    private final int keepCapacity;
    private final SnapshotBudget budget;

    SeqBufferPool(int slotCount, long capBytes, int keepCapacity) {
        this(slotCount, capBytes, keepCapacity, SnapshotBudget.ofHeap(capBytes));
    }

    SeqBufferPool(int slotCount, long capBytes, int keepCapacity, SnapshotBudget budget) {
        this.budget = budget;
        this.slots = new AtomicReferenceArray<>(slotCount);
        this.capBytes = capBytes;
        this.keepCapacity = keepCapacity;
    }

    /** The bytes all handles may hold in their buffers, shared by every handle of this file system. */
    SnapshotBudget budget() {
        return budget;
    }

    /** An empty buffer for this reader: a pooled one when there is one, a new one otherwise. */
    SeqBuffer take(Caller caller) {
        for (int i = 0; i < slots.length(); i++) {
            SeqBuffer buffer = slots.getAndSet(i, null);
            if (buffer != null) {
                buffer.reuse(caller);
                return buffer;
            }
        }
        return new SeqBuffer(caller, capBytes, this);
    }

    /**
     * An array of at least {@code capacity} bytes holding the first {@code used} bytes of {@code current}:
     * the kept large array when it is big enough, a copy otherwise.
     */
    @Override
    public byte[] grow(byte[] current, int used, int capacity) {
        if (capacity > keepCapacity) {
            SoftReference<byte[]> reference = large.getAndSet(null);
            byte[] kept = reference == null ? null : reference.get();
            if (kept != null && kept.length >= capacity) {
                System.arraycopy(current, 0, kept, 0, used);
                return kept;
            }
            if (kept != null) {
                keepLarge(kept);
            }
        }
        return Arrays.copyOf(current, capacity);
    }

    /** Returns a buffer nobody uses any more; dropped when the pool is full or the buffer is large. */
    void give(SeqBuffer buffer) {
        if (buffer.capacity() > keepCapacity) {
            keepLarge(buffer.array());
            return;
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }

    private void keepLarge(byte[] array) {
        while (true) {
            SoftReference<byte[]> current = large.get();
            byte[] kept = current == null ? null : current.get();
            if (kept != null && kept.length >= array.length) {
                return;
            }
            if (large.compareAndSet(current, new SoftReference<>(array))) {
                return;
            }
        }
    }
}
