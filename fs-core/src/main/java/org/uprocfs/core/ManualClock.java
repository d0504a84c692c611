package org.uprocfs.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.uprocfs.core.api.ProcClock;

/** A clock that moves only when told to: frozen demos and deterministic tests. */
public final class ManualClock implements ProcClock {
    private final Instant bootTime;
    private final AtomicLong uptimeNanos;

    public ManualClock(Instant bootTime, Duration uptime) {
        this.bootTime = bootTime;
        this.uptimeNanos = new AtomicLong(uptime.toNanos());
    }

    /** Moves the clock forward; a negative step is refused because counters must only grow. */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the simulation clock never goes back: " + step);
        }
        uptimeNanos.addAndGet(step.toNanos());
    }

    @Override
    public long uptimeNanos() {
        return uptimeNanos.get();
    }

    @Override
    public Instant now() {
        return bootTime.plusNanos(uptimeNanos.get());
    }

    @Override
    public Instant bootTime() {
        return bootTime;
    }
}
