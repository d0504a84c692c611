package org.uprocfs.providers.hardware.model;

/** One partition of a disk; share is the part of the disk's I/O that lands on it. */
public record Partition(String name, int minor, long sizeKb, double share) {
}
