package org.uprocfs.core.module;

import java.util.function.LongSupplier;

/**
 * {@code printk_ratelimit} for the daemon's log: at most {@link #BURST} lines of one module every
 * {@link #INTERVAL_NANOS}, then one line saying how many were held back, as {@code ___ratelimit} reports
 * "N callbacks suppressed". The kernel log ring (kmsg) still gets every line.
 */
final class PrintkRateLimit {
    /** DEFAULT_RATELIMIT_INTERVAL: five seconds. */
    static final long INTERVAL_NANOS = 5_000_000_000L;
    /** DEFAULT_RATELIMIT_BURST. */
    static final int BURST = 10;

    private final LongSupplier nanos;
    private boolean started;
    private long windowStart;
    private int printed;
    private int missed;

    PrintkRateLimit(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /**
     * Whether the next line may be logged: -1 to hold it back, else the number of lines held back since the
     * last window, which the caller reports before the line.
     */
    synchronized int admit() {
        long now = nanos.getAsLong();
        int report = 0;
        if (!started || now - windowStart >= INTERVAL_NANOS) {
            report = missed;
            started = true;
            windowStart = now;
            printed = 0;
            missed = 0;
        }
        if (printed < BURST) {
            printed++;
            return report;
        }
        missed++;
        return -1;
    }
}
