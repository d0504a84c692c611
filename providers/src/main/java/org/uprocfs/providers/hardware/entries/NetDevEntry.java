package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.NetInterface;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/net/dev: the two header lines and one counter line per interface, as net/core/net-procfs.c prints them. */
public final class NetDevEntry extends IndexedSeq {
    /** The widths of dev_seq_printf_stats: "%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu ...". */
    private static final int[] WIDTHS = {7, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10};

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
        Fields.right(m, nic.name(), 6).putc(':');
        for (int i = 0; i < v.length; i++) {
            Fields.dec(m.putc(' '), v[i], WIDTHS[i]);
        }
        m.putc('\n');
    }
}
