package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.ArpEntry;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/net/arp: the fixed header and one column-aligned line per neighbour, as arp_format_neigh_entry prints it. */
public final class NetArpEntry extends IndexedSeq {
    private final List<ArpEntry> entries;

    public NetArpEntry(Machine machine) {
        this.entries = machine.spec().arp();
    }

    @Override
    int count() {
        return entries.size() + 1;
    }

    @Override
    void show(SeqBuffer m, int index) {
        if (index == 0) {
            m.puts("IP address       HW type     Flags       HW address            Mask     Device\n");
            return;
        }
        ArpEntry e = entries.get(index - 1);
        Fields.left(m, e.ip(), 16).puts(" 0x");
        Fields.hexLeft(m, e.hwType(), 10).puts("0x");
        Fields.hexLeft(m, e.flags(), 10);
        Fields.left(m, e.mac(), 17).puts("     *        ").puts(e.device()).putc('\n');
    }
}
