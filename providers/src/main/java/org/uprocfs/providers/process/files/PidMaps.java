package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.ProcessMemory;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.Vma;

/**
 * {@code maps}, {@code smaps} and {@code smaps_rollup}: {@code show_map_vma}, {@code show_smap} and
 * {@code show_smaps_rollup} of fs/proc/task_mmu.c. The ptrace check of these files is at open
 * ({@code proc_mem_open}), so the renderers print whatever the caller was allowed to open.
 */
public final class PidMaps {
    /** {@code seq_setwidth(m, 25 + sizeof(void *) * 6 - 1)}: the name column starts after this many bytes and a space. */
    private static final int NAME_COLUMN = 25 + 8 * 6 - 1;

    private PidMaps() {
    }

    /** One line per VMA, the gate area last; empty without an mm. */
    public static void showMaps(SeqBuffer m, SimProcess p) {
        for (Vma v : vmas(p)) {
            mapLine(m, v);
        }
    }

    /** Each maps line followed by its page counts, THPeligible and VmFlags. */
    public static void showSmaps(SeqBuffer m, SimProcess p) {
        for (Vma v : vmas(p)) {
            mapLine(m, v);
            kb(m, "Size:           ", v.sizeKb());
            kb(m, "KernelPageSize: ", 4);
            kb(m, "MMUPageSize:    ", 4);
            counts(m, v.rssKb(), v.pssKb(), pssDirty(v), 0, 0, 0, v.sharedCleanKb(), v.sharedDirtyKb(),
                    v.privateCleanKb(), v.privateDirtyKb(), v.anonymousKb(), v.swapKb(), false);
            // THP is in madvise mode and no simulated mapping asked for huge pages.
            m.puts("THPeligible:           0\n");
            vmFlags(m, v);
        }
    }

    /**
     * The sums over all VMAs but the gate area under one header from the first start to the last end;
     * ESRCH without an mm, as {@code show_smaps_rollup} answers for kernel threads and zombies.
     */
    public static void showSmapsRollup(SeqBuffer m, SimProcess p) {
        ProcessMemory mem = p.memory();
        if (mem == null) {
            throw new ProcException(Errno.ESRCH, "task " + p.tgid() + " has no mm");
        }
        long start = 0;
        long end = 0;
        long rss = 0;
        long pss = 0;
        long dirty = 0;
        long pssAnon = 0;
        long pssFile = 0;
        long pssShmem = 0;
        long sharedClean = 0;
        long sharedDirty = 0;
        long privateClean = 0;
        long privateDirty = 0;
        long anon = 0;
        long swap = 0;
        boolean first = true;
        for (Vma v : mem.vmas()) {
            if (v.gate()) {
                continue;
            }
            if (first) {
                start = v.start();
                first = false;
            }
            end = v.end();
            rss += v.rssKb();
            pss += v.pssKb();
            dirty += pssDirty(v);
            // smaps_account: anonymous pages count as Pss_Anon, shared mappings' file pages as Pss_Shmem.
            long anonPss = Math.min(v.pssKb(), v.anonymousKb());
            pssAnon += anonPss;
            if (v.shared()) {
                pssShmem += v.pssKb() - anonPss;
            } else {
                pssFile += v.pssKb() - anonPss;
            }
            sharedClean += v.sharedCleanKb();
            sharedDirty += v.sharedDirtyKb();
            privateClean += v.privateCleanKb();
            privateDirty += v.privateDirtyKb();
            anon += v.anonymousKb();
            swap += v.swapKb();
        }
        int line = m.size();
        header(m, start, end, "---p", 0, 0, 0, 0);
        Cols.spaces(m, NAME_COLUMN - (m.size() - line)).puts(" [rollup]\n");
        counts(m, rss, pss, dirty, pssAnon, pssFile, pssShmem, sharedClean, sharedDirty, privateClean, privateDirty,
                anon, swap, true);
    }

    private static List<Vma> vmas(SimProcess p) {
        return p.memory() == null ? List.of() : p.memory().vmas();
    }

    /** show_map_vma: the header prefix, then the name padded to its column, or nothing after the inode's space. */
    private static void mapLine(SeqBuffer m, Vma v) {
        int start = m.size();
        header(m, v.start(), v.end(), v.perms(), v.offset(), v.devMajor(), v.devMinor(), v.inode());
        if (!v.name().isEmpty()) {
            // seq_pad: spaces up to the column, then the separating space.
            Cols.spaces(m, NAME_COLUMN - (m.size() - start)).putc(' ');
            // seq_path escapes a newline in a file name as \012; bracketed names are printed as they are.
            m.puts(v.name().startsWith("/") ? v.name().replace("\n", "\\012") : v.name());
        }
        m.putc('\n');
    }

    /** show_vma_header_prefix: {@code %08lx-%08lx perms %08llx %02x:%02x %lu } (the trailing space included). */
    private static void header(SeqBuffer m, long start, long end, String perms, long offset, int major, int minor,
            long inode) {
        Cols.hex(m, start, 8).putc('-');
        Cols.hex(m, end, 8).putc(' ').puts(perms).putc(' ');
        Cols.hex(m, offset, 8).putc(' ');
        Cols.hex(m, major, 2).putc(':');
        Cols.hex(m, minor, 2).putc(' ').putLong(inode).putc(' ');
    }

    /** __show_smap: the lines common to smaps and smaps_rollup; the Pss split only in rollup mode. */
    private static void counts(SeqBuffer m, long rss, long pss, long pssDirty, long pssAnon, long pssFile,
            long pssShmem, long sharedClean, long sharedDirty, long privateClean, long privateDirty, long anon,
            long swap, boolean rollup) {
        kb(m, "Rss:            ", rss);
        kb(m, "Pss:            ", pss);
        kb(m, "Pss_Dirty:      ", pssDirty);
        if (rollup) {
            kb(m, "Pss_Anon:       ", pssAnon);
            kb(m, "Pss_File:       ", pssFile);
            kb(m, "Pss_Shmem:      ", pssShmem);
        }
        kb(m, "Shared_Clean:   ", sharedClean);
        kb(m, "Shared_Dirty:   ", sharedDirty);
        kb(m, "Private_Clean:  ", privateClean);
        kb(m, "Private_Dirty:  ", privateDirty);
        kb(m, "Referenced:     ", rss);
        kb(m, "Anonymous:      ", anon);
        kb(m, "KSM:            ", 0);
        kb(m, "LazyFree:       ", 0);
        kb(m, "AnonHugePages:  ", 0);
        kb(m, "ShmemPmdMapped: ", 0);
        kb(m, "FilePmdMapped:  ", 0);
        kb(m, "Shared_Hugetlb: ", 0);
        // The one label a column longer than the rest, so its value is a column narrower.
        m.puts("Private_Hugetlb: ").putLongPadded(0, 7).puts(" kB\n");
        kb(m, "Swap:           ", swap);
        kb(m, "SwapPss:        ", swap);
        kb(m, "Locked:         ", 0);
    }

    /** The dirty part of Pss: private dirty pages whole, shared dirty ones in the proportion Pss gives shared pages. */
    private static long pssDirty(Vma v) {
        long shared = v.sharedCleanKb() + v.sharedDirtyKb();
        long sharedPss = Math.max(0, v.pssKb() - v.privateCleanKb() - v.privateDirtyKb());
        return v.privateDirtyKb() + (shared == 0 ? 0 : sharedPss * v.sharedDirtyKb() / shared);
    }

    /**
     * show_smap_vma_flags: the two-letter mnemonics in VM_* bit order, each followed by a space, derived from
     * the perms and the kind of mapping as a 6.18 kernel sets them.
     */
    private static void vmFlags(SeqBuffer m, Vma v) {
        m.puts("VmFlags:");
        if (v.gate()) {
            m.puts(" ex \n");
            return;
        }
        boolean vvar = v.name().startsWith("[vvar");
        boolean vdso = "[vdso]".equals(v.name());
        flag(m, v.readable(), "rd");
        flag(m, v.writable(), "wr");
        flag(m, v.executable(), "ex");
        flag(m, v.shared(), "sh");
        flag(m, true, "mr");
        flag(m, !vvar, "mw");
        flag(m, !vvar, "me");
        flag(m, v.shared(), "ms");
        flag(m, v.stack(), "gd");
        flag(m, vvar, "pf");
        flag(m, vvar, "io");
        flag(m, vvar || vdso, "de");
        // VM_ACCOUNT: private writable memory is charged to the commit limit.
        flag(m, v.writable() && !v.shared(), "ac");
        flag(m, vvar, "dd");
        m.puts(" \n");
    }

    private static void flag(SeqBuffer m, boolean set, String mnemonic) {
        if (set) {
            m.putc(' ').puts(mnemonic);
        }
    }

    private static void kb(SeqBuffer m, String label, long value) {
        m.puts(label).putLongPadded(value, 8).puts(" kB\n");
    }
}
