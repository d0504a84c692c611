package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
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
        int start = m.size();
        if (index == 0) {
            m.puts("Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT");
        } else {
            Route r = routes.get(index - 1);
            m.puts(r.iface()).putc('\t');
            Fields.hexUpper(m, Ipv4.littleEndian(r.destination()), 8).putc('\t');
            Fields.hexUpper(m, Ipv4.littleEndian(r.gateway()), 8).putc('\t');
            Fields.hexUpper(m, r.flags(), 4).putc('\t');
            m.putLong(r.refCnt()).putc('\t').putLong(r.use()).putc('\t').putLong(r.metric()).putc('\t');
            Fields.hexUpper(m, Ipv4.littleEndian(r.mask()), 8).putc('\t');
            m.putLong(r.mtu()).putc('\t').putLong(r.window()).putc('\t').putLong(r.irtt());
        }
        // seq_pad: the record is padded with spaces to its fixed width, counted in bytes.
        Fields.spaces(m, WIDTH - (m.size() - start)).putc('\n');
    }
}
