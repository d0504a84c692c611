package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/uptime: seconds since boot and idle seconds summed over all CPUs, both with two truncated decimals. */
public final class UptimeEntry implements ShowHandler {
    private final Simulation sim;
    private final ProcClock clock;

    public UptimeEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        long now = clock.uptimeNanos();
        long idleNanos = (long) (sim.cpuTimes(now).idleSeconds() * 1e9);
        seconds(m, now).putc(' ');
        seconds(m, idleNanos).putc('\n');
    }

    private static SeqBuffer seconds(SeqBuffer m, long nanos) {
        m.putLong(nanos / 1_000_000_000L).putc('.');
        return Fields.decZero(m, nanos % 1_000_000_000L / 10_000_000L, 2);
    }
}
