package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.ProcClock;
import org.uprocfs.core.io.SeqBuffer;
import org.uprocfs.providers.hardware.model.NetInterface;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/net/dev: the two header lines and one counter line per interface, as net/core/net-procfs.c prints them. */
public final class NetDevEntry extends IndexedSeq {
    private static final String FORMAT = "%6s: %7d %7d %4d %4d %4d %5d %10d %9d %8d %7d %4d %4d %4d %5d %7d %10d\n";

    private final Simulation sim;
    private final ProcClock clock;
    private final List<NetInterface> interfaces;

    public NetDevEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
        this.interfaces = sim.machine().spec().interfaces();
    }

    @Override
    int count() {
        return interfaces.size() + 1;
    }

    @Override
    void show(SeqBuffer m, int index) {
        if (index == 0) {
            m.puts("Inter-|   Receive                                                |  Transmit\n"
                    + " face |bytes    packets errs drop fifo frame compressed multicast"
                    + "|bytes    packets errs drop fifo colls carrier compressed\n");
            return;
        }
        NetInterface nic = interfaces.get(index - 1);
        long[] v = sim.netCounters(nic, clock.uptimeNanos());
        Object[] args = new Object[1 + v.length];
        args[0] = nic.name();
        for (int i = 0; i < v.length; i++) {
            args[i + 1] = v[i];
        }
        m.printf(FORMAT, args);
    }
}
