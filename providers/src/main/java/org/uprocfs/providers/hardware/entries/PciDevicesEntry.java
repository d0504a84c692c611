package org.uprocfs.providers.hardware.entries;

import java.util.Comparator;
import java.util.List;
import org.uprocfs.core.io.SeqBuffer;
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
        m.printf("%02x%02x\t%04x%04x\t%x", d.bus(), d.devfn(), d.vendor(), d.device(), d.irq());
        for (int i = 0; i < RESOURCES; i++) {
            PciBar bar = bar(d, i);
            m.printf("\t%16x", bar.start() | (bar.flags() & 0xf));
        }
        for (int i = 0; i < RESOURCES; i++) {
            PciBar bar = bar(d, i);
            m.printf("\t%16x", bar.start() < bar.end() ? bar.end() - bar.start() + 1 : 0);
        }
        m.putc('\t').puts(d.driver()).putc('\n');
    }

    private static PciBar bar(PciDevice d, int i) {
        return i < d.bars().size() ? d.bars().get(i) : new PciBar(0, 0, 0);
    }
}
