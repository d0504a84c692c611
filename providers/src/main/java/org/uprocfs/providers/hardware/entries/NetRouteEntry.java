package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.io.SeqBuffer;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.Route;

/** /proc/net/route: tab-separated fields, each line padded with spaces to 127 columns as fib_route_seq_show does. */
public final class NetRouteEntry extends IndexedSeq {
    private static final int WIDTH = 127;
    private final List<Route> routes;

    public NetRouteEntry(Machine machine) {
        this.routes = machine.spec().routes();
    }

    @Override
    int count() {
        return routes.size() + 1;
    }

    @Override
    void show(SeqBuffer m, int index) {
        String line;
        if (index == 0) {
            line = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";
        } else {
            Route r = routes.get(index - 1);
            line = String.format(java.util.Locale.ROOT, "%s\t%08X\t%08X\t%04X\t%d\t%d\t%d\t%08X\t%d\t%d\t%d",
                    r.iface(), Ipv4.littleEndian(r.destination()), Ipv4.littleEndian(r.gateway()), r.flags(),
                    r.refCnt(), r.use(), r.metric(), Ipv4.littleEndian(r.mask()), r.mtu(), r.window(), r.irtt());
        }
        m.puts(line);
        for (int i = line.length(); i < WIDTH; i++) {
            m.putc(' ');
        }
        m.putc('\n');
    }
}
