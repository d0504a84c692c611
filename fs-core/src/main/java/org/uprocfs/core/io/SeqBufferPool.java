package org.uprocfs.core.io;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.uprocfs.core.Caller;

/**
 * A few render buffers kept between opens, so the usual open + read + close of a small file allocates
 * no new page; lock-free and allocation-free, and buffers that grew past a limit are left to the collector.
 */
final class SeqBufferPool {
    private final AtomicReferenceArray<SeqBuffer> slots;
    private final long capBytes;
    private final int keepCapacity;

    SeqBufferPool(int slotCount, long capBytes, int keepCapacity) {
        this.slots = new AtomicReferenceArray<>(slotCount);
        this.capBytes = capBytes;
        this.keepCapacity = keepCapacity;
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
        return new SeqBuffer(caller, capBytes);
    }

    /** Returns a buffer nobody uses any more; dropped when the pool is full or the buffer is large. */
    void give(SeqBuffer buffer) {
        if (buffer.capacity() > keepCapacity) {
            return;
        }
        for (int i = 0; i < slots.length(); i++) {
            if (slots.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }
}
