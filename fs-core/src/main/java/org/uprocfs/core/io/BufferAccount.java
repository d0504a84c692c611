package org.uprocfs.core.io;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.SeqBuffer;

/**
 * One handle's render buffer charged to the {@link SnapshotBudget}: its capacity is reserved before it
 * grows, so a render that would pass the budget or the heap fails with ENOMEM, and everything is given
 * back when the handle lets the buffer go.
 */
final class BufferAccount implements SeqBuffer.Growth {
    private final SnapshotBudget budget;
    private final SeqBufferPool pool;
    private final Caller caller;
    private final String path;
    private SeqBuffer buffer;
    private long held;

    BufferAccount(SnapshotBudget budget, SeqBufferPool pool, Caller caller, String path) {
        this.budget = budget;
        this.pool = pool;
        this.caller = caller;
        this.path = path;
    }

    /** The handle's buffer, empty: taken from the pool and charged on first use. */
    SeqBuffer buffer() {
        if (buffer == null) {
            SeqBuffer taken = pool.take(caller);
            try {
                charge(taken.capacity());
            } catch (RuntimeException e) {
                pool.give(taken);
                throw e;
            }
            taken.growVia(this);
            buffer = taken;
        } else {
            buffer.reuse(caller);
        }
        return buffer;
    }

    /** Whether the handle holds a buffer now. */
    boolean holds() {
        return buffer != null;
    }

    /** Bytes this handle holds in the budget. */
    long held() {
        return held;
    }

    @Override
    public byte[] grow(byte[] current, int used, int capacity) {
        long extra = (long) capacity - current.length;
        charge(extra);
        byte[] grown;
        try {
            grown = pool.grow(current, used, capacity);
        } catch (OutOfMemoryError e) {
            budget.release(caller, extra);
            held -= extra;
            throw budget.refused(SnapshotBudget.Refusal.HEAP, caller, path, extra);
        }
        long more = (long) grown.length - capacity;
        if (more > 0) {
            // The pool's kept array is larger than asked: it is held now, so it counts.
            budget.force(caller, more);
            held += more;
        }
        return grown;
    }

    /** Returns the buffer to the pool and its bytes to the budget; at release, or after a failed render. */
    void giveBack() {
        if (buffer != null) {
            buffer.growVia(pool);
            buffer.limitGrowth(false);
            pool.give(buffer);
            buffer = null;
        }
        budget.release(caller, held);
        held = 0;
    }

    private void charge(long bytes) {
        SnapshotBudget.Refusal refusal = budget.reserve(caller, bytes);
        if (refusal != null) {
            throw budget.refused(refusal, caller, path, bytes);
        }
        held += bytes;
    }
}
