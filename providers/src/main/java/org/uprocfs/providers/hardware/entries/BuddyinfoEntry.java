package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.BuddyZone;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/buddyinfo: free blocks of each order 0..10 per zone, sharing out the simulated MemFree. */
public final class BuddyinfoEntry implements ShowHandler {
    /** The share of a zone's free pages held in blocks of each order; most sit in 4 MiB blocks on a calm system. */
    private static final double[] ORDER_SHARE = {0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.6};

    private final Simulation sim;
    private final ProcClock clock;

    public BuddyinfoEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        long freePages = sim.memory(clock.uptimeNanos()).free() / 4;
        for (BuddyZone zone : sim.machine().spec().zones()) {
            Fields.right(m.puts("Node ").putLong(zone.node()).puts(", zone "), zone.name(), 8).putc(' ');
            double pages = freePages * zone.share();
            for (int order = 0; order < ORDER_SHARE.length; order++) {
                Fields.dec(m, (long) (pages * ORDER_SHARE[order]) >> order, 6).putc(' ');
            }
            m.putc('\n');
        }
    }
}
