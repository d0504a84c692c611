package org.uprocfs.providers.process.model;

/** The mm's boundary addresses of stat fields 26-28 and 45-51: code, data, brk, stack, argv and environment. */
public record MemoryLayout(long startCode, long endCode, long startData, long endData, long startBrk, long brk,
        long startStack, long argStart, long argEnd, long envStart, long envEnd) {
}
