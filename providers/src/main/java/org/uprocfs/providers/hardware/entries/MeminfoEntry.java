package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.sim.MemorySnapshot;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/meminfo in the field order of fs/proc/meminfo.c as a 6.18 x86-64 kernel prints it. */
public final class MeminfoEntry implements ShowHandler {
    /** VMALLOC_TOTAL of x86-64 with 4-level page tables, in kB. */
    private static final long VMALLOC_TOTAL_KB = 34359738367L;

    private final Simulation sim;
    private final ProcClock clock;

    public MeminfoEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        MemorySnapshot s = sim.memory(clock.uptimeNanos());
        long lruAnon = s.anon() + s.shmem();
        long activeAnon = lruAnon * 3 / 10;
        long inactiveAnon = lruAnon - activeAnon;
        long lruFile = Math.max(0, s.cached() - s.shmem()) + s.buffers();
        long activeFile = lruFile * 55 / 100;
        long inactiveFile = lruFile - activeFile;
        long hugePage = sim.machine().spec().memory().hugePageSizeKb();
        kb(m, "MemTotal", s.total());
        kb(m, "MemFree", s.free());
        kb(m, "MemAvailable", s.available());
        kb(m, "Buffers", s.buffers());
        kb(m, "Cached", s.cached());
        kb(m, "SwapCached", s.swapCached());
        kb(m, "Active", activeAnon + activeFile);
        kb(m, "Inactive", inactiveAnon + inactiveFile);
        kb(m, "Active(anon)", activeAnon);
        kb(m, "Inactive(anon)", inactiveAnon);
        kb(m, "Active(file)", activeFile);
        kb(m, "Inactive(file)", inactiveFile);
        kb(m, "Unevictable", 0);
        kb(m, "Mlocked", 0);
        kb(m, "SwapTotal", s.swapTotal());
        kb(m, "SwapFree", s.swapFree());
        kb(m, "Zswap", 0);
        kb(m, "Zswapped", 0);
        kb(m, "Dirty", s.dirty());
        kb(m, "Writeback", 0);
        kb(m, "AnonPages", s.anon());
        kb(m, "Mapped", s.cached() * 18 / 100);
        kb(m, "Shmem", s.shmem());
        kb(m, "KReclaimable", s.slabReclaimable());
        kb(m, "Slab", s.slabReclaimable() + s.slabUnreclaimable());
        kb(m, "SReclaimable", s.slabReclaimable());
        kb(m, "SUnreclaim", s.slabUnreclaimable());
        kb(m, "KernelStack", s.kernelStack());
        kb(m, "PageTables", s.pageTables());
        kb(m, "SecPageTables", 0);
        kb(m, "NFS_Unstable", 0);
        kb(m, "Bounce", 0);
        kb(m, "WritebackTmp", 0);
        // vm.overcommit_ratio percent of RAM plus all swap; capped commitments under overcommit_memory = 2.
        kb(m, "CommitLimit", s.commitLimit());
        kb(m, "Committed_AS", s.committedAs());
        kb(m, "VmallocTotal", VMALLOC_TOTAL_KB);
        kb(m, "VmallocUsed", s.vmallocUsed());
        kb(m, "VmallocChunk", 0);
        kb(m, "Percpu", s.percpu());
        // Transparent huge pages come in whole 2 MiB pages.
        kb(m, "AnonHugePages", s.anon() / 20 / 2048 * 2048);
        kb(m, "ShmemHugePages", 0);
        kb(m, "ShmemPmdMapped", 0);
        kb(m, "FileHugePages", 0);
        kb(m, "FilePmdMapped", 0);
        kb(m, "Balloon", 0);
        count(m, "HugePages_Total", 0);
        count(m, "HugePages_Free", 0);
        count(m, "HugePages_Rsvd", 0);
        count(m, "HugePages_Surp", 0);
        kb(m, "Hugepagesize", hugePage);
        kb(m, "Hugetlb", 0);
        kb(m, "DirectMap4k", sim.machine().spec().memory().directMap4kKb());
        kb(m, "DirectMap2M", sim.machine().spec().memory().directMap2mKb());
        kb(m, "DirectMap1G", sim.machine().spec().memory().directMap1gKb());
    }

    /** show_val_kb: the label padded to 16 columns, the value right-aligned in 8. */
    private static void kb(SeqBuffer m, String label, long value) {
        label(m, label).putLongPadded(value, 8).puts(" kB\n");
    }

    /** The HugePages_ counts: same columns, no unit. */
    private static void count(SeqBuffer m, String label, long value) {
        label(m, label).putLongPadded(value, 8).putc('\n');
    }

    /** The "%-16s" column of "Label:". */
    private static SeqBuffer label(SeqBuffer m, String label) {
        return Fields.spaces(m.puts(label).putc(':'), 15 - label.length());
    }
}
