package org.uprocfs.providers.hardware.entries;

import java.util.ArrayList;
import java.util.List;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.Partition;

/** A whole disk (partition null) or one of its partitions, in the order the block class iterates them. */
record BlockRow(BlockDevice disk, Partition partition) {

    static List<BlockRow> of(List<BlockDevice> disks) {
        List<BlockRow> rows = new ArrayList<>();
        for (BlockDevice disk : disks) {
            rows.add(new BlockRow(disk, null));
            for (Partition partition : disk.partitions()) {
                rows.add(new BlockRow(disk, partition));
            }
        }
        return List.copyOf(rows);
    }

    String name() {
        return partition == null ? disk.name() : partition.name();
    }

    int minor() {
        return partition == null ? disk.minor() : partition.minor();
    }

    long sizeKb() {
        return partition == null ? disk.sizeKb() : partition.sizeKb();
    }
}
