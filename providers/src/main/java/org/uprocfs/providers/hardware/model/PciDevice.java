package org.uprocfs.providers.hardware.model;

import java.util.List;

/** One PCI function: address, vendor and device id, interrupt, up to seven resources and the bound driver. */
public record PciDevice(int bus, int slot, int function, int vendor, int device, int irq, List<PciBar> bars,
        String driver) {

    public PciDevice {
        bars = bars == null ? List.of() : List.copyOf(bars);
        driver = driver == null ? "" : driver;
    }

    /** The device/function byte, {@code slot << 3 | function}. */
    public int devfn() {
        return slot << 3 | function;
    }
}
