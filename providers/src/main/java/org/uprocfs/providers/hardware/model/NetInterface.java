package org.uprocfs.providers.hardware.model;

/** One network interface with its average traffic in bytes per second and typical packet sizes. */
public record NetInterface(String name, double rxBytesPerSec, double txBytesPerSec, int rxPacketSize,
        int txPacketSize) {
}
