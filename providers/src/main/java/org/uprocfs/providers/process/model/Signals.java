package org.uprocfs.providers.process.model;

/** A task's signal masks (bit n-1 for signal n) and queue use, as status' SigQ and Sig* lines show them. */
public record Signals(long pending, long sharedPending, long blocked, long ignored, long caught, int queued,
        long queueLimit) {

    /** No signals pending, blocked, ignored or caught. */
    public static Signals none(long queueLimit) {
        return new Signals(0, 0, 0, 0, 0, 0, queueLimit);
    }
}
