package org.uprocfs.core.api;

import java.time.Instant;

/** The simulation clock: time since the simulated boot and the wall clock, injected so tests can control both. */
public interface ProcClock {

    /** The kernel's HZ on a Debian x86-64 kernel: jiffies advance 250 times a second. */
    int HZ = 250;

    /** USER_HZ, the unit of the tick counts in /proc/stat and friends. */
    int USER_HZ = 100;

    /** Nanoseconds since the simulated boot; never decreases. */
    long uptimeNanos();

    /** The wall-clock time now. */
    Instant now();

    /** Jiffies since boot at {@link #HZ}. */
    default long jiffies() {
        return uptimeNanos() / (1_000_000_000L / HZ);
    }

    /** The wall-clock time of the simulated boot. */
    default Instant bootTime() {
        return now().minusNanos(uptimeNanos());
    }
}
