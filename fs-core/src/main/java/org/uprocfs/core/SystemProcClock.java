package org.uprocfs.core;

import java.time.Instant;
import java.time.InstantSource;
import org.uprocfs.core.api.ProcClock;

/** A clock that runs with real time from the moment it is made, scaled by a rate factor. */
public final class SystemProcClock implements ProcClock {
    private final InstantSource wall;
    private final long startNanos;
    private final long initialUptimeNanos;
    private final double rate;

    public SystemProcClock(InstantSource wall, long initialUptimeNanos, double rate) {
        if (rate <= 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("clock rate must be a positive number, was " + rate);
        }
        this.wall = wall;
        this.startNanos = System.nanoTime();
        this.initialUptimeNanos = initialUptimeNanos;
        this.rate = rate;
    }

    /**
     * The host's time since boot from its {@code /proc/uptime}, 0 where it cannot be read. A clock started
     * there shares the host's boot time, so the start times of real processes that read the mount, and the
     * ages ps, top and psutil compute from the host's clocks, agree with the simulated btime and uptime.
     */
    public static long hostUptimeNanos() {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime"),
                    java.nio.charset.StandardCharsets.US_ASCII);
            return (long) (Double.parseDouble(text.substring(0, text.indexOf(' '))) * 1e9);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    /** A clock at real speed that starts at the given uptime. */
    public static SystemProcClock startingAt(long initialUptimeNanos) {
        return new SystemProcClock(InstantSource.system(), initialUptimeNanos, 1.0);
    }

    @Override
    public long uptimeNanos() {
        long elapsed = System.nanoTime() - startNanos;
        return initialUptimeNanos + (rate == 1.0 ? elapsed : (long) (elapsed * rate));
    }

    @Override
    public Instant now() {
        return wall.instant();
    }
}
