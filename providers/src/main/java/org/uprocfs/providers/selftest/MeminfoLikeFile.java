package org.uprocfs.providers.selftest;

import org.uprocfs.core.api.SeqBuffer;

/** A benchmark fixture shaped like /proc/meminfo: 53 lines, about 1.5 KiB, rendered afresh on every open. */
final class MeminfoLikeFile {
    private static final String[] NAMES = {
        "MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active", "Inactive",
        "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "Mlocked",
        "SwapTotal", "SwapFree", "Zswap", "Zswapped", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem",
        "KReclaimable", "Slab", "SReclaimable", "SUnreclaim", "KernelStack", "PageTables", "SecPageTables",
        "NFS_Unstable", "Bounce", "WritebackTmp", "CommitLimit", "Committed_AS", "VmallocTotal", "VmallocUsed",
        "VmallocChunk", "Percpu", "AnonHugePages", "ShmemHugePages", "ShmemPmdMapped", "FileHugePages",
        "FilePmdMapped", "Balloon", "HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp",
        "Hugepagesize", "Hugetlb", "DirectMap4k", "DirectMap2M",
    };
    private static final long[] VALUES = {
        24684096, 24481844, 24674612, 2048, 120560, 0, 63912, 61104,
        3180, 0, 60732, 61104, 0, 0,
        0, 0, 0, 0, 12, 0, 3264, 9540, 0,
        15608, 39016, 15608, 23408, 2864, 180, 0,
        0, 0, 0, 12342048, 51808, 34359738367L, 8060,
        0, 1200, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0,
        2048, 0, 167936, 8220672,
    };

    void show(SeqBuffer buffer) {
        for (int i = 0; i < NAMES.length; i++) {
            String name = NAMES[i];
            buffer.puts(name).putc(':');
            // The kernel's show_val_kb pads the number so that it ends in column 24.
            buffer.putLongPadded(VALUES[i], 23 - name.length());
            if (name.startsWith("HugePages_")) {
                buffer.putc('\n');
            } else {
                buffer.puts(" kB\n");
            }
        }
    }
}
