package org.uprocfs.providers.hardware.entries;

import java.util.Comparator;
import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.PciBar;
import org.uprocfs.providers.hardware.model.PciDevice;

/**
 * /proc/bus/pci/devices as drivers/pci/proc.c's show_device prints it: bus and devfn, ids, irq, the seven
 * standard resources with their flag bits, their sizes, and the driver name.
 */
public final class PciDevicesEntry extends IndexedSeq {
    /** Six BARs and the expansion ROM. */
    private static final int RESOURCES = 7;
    private final List<PciDevice> devices;

    public PciDevicesEntry(Machine machine) {
        this.devices = machine.spec().pci().stream()
                .sorted(Comparator.comparingInt(PciDevice::bus).thenComparingInt(PciDevice::devfn)).toList();
    }

    @Override
    int count() {
        return devices.size();
    }

    @Override
    void show(SeqBuffer m, int index) {
        PciDevice d = devices.get(index);
        Fields.hex(m, d.bus(), 2, true);
        Fields.hex(m, d.devfn(), 2, true).putc('\t');
        Fields.hex(m, d.vendor(), 4, true);
        Fields.hex(m, d.device(), 4, true).putc('\t');
        Fields.hex(m, d.irq(), 1, false);
        for (int i = 0; i < RESOURCES; i++) {
            PciBar bar = bar(d, i);
            Fields.hex(m.putc('\t'), bar.start() | (bar.flags() & 0xf), 16, false);
        }
        for (int i = 0; i < RESOURCES; i++) {
            PciBar bar = bar(d, i);
            Fields.hex(m.putc('\t'), bar.start() < bar.end() ? bar.end() - bar.start() + 1 : 0, 16, false);
        }
        m.putc('\t').puts(d.driver()).putc('\n');
    }

    private static PciBar bar(PciDevice d, int i) {
        return i < d.bars().size() ? d.bars().get(i) : new PciBar(0, 0, 0);
    }
}
