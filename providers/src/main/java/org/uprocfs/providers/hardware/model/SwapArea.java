package org.uprocfs.providers.hardware.model;

/** One swap area as /proc/swaps lists it; type is {@code partition} or {@code file}. */
public record SwapArea(String filename, String type, long sizeKb, long usedKb, int priority) {
}
