package org.uprocfs.providers.hardware.model;

/** One x86 architecture row of /proc/interrupts (NMI, LOC, ...); a global row (ERR, MIS) has one count and no text. */
public record ArchIrq(String name, String description, double ratePerCpu, boolean global) {
}
