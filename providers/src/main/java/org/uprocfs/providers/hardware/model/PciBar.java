package org.uprocfs.providers.hardware.model;

/** One PCI resource (BAR or ROM): inclusive range and the low flag bits (1 = I/O, 4 = 64-bit, 8 = prefetchable). */
public record PciBar(long start, long end, int flags) {
}
