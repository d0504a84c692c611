package org.uprocfs.providers.hardware.model;

import java.util.List;

/** One block device with its partitions and average I/O rates; a size of 0 hides it from /proc/partitions. */
public record BlockDevice(String name, int major, int minor, long sizeKb, double readIops, double writeIops,
        double readKbps, double writeKbps, double latencyMs, List<Partition> partitions) {

    public BlockDevice {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }
}
