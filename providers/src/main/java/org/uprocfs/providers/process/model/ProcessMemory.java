package org.uprocfs.providers.process.model;

import java.util.List;

/**
 * A process's address space (status' Vm and Rss values in kB, the mm's boundary addresses, the VMAs), which
 * {@link #of} sums from the VMAs as task_mem does, so status, statm, maps and smaps agree by construction.
 */
public record ProcessMemory(long vmPeakKb, long vmSizeKb, long vmLckKb, long vmPinKb, long vmHwmKb,
        long vmRssKb, long rssAnonKb, long rssFileKb, long rssShmemKb, long vmDataKb, long vmStkKb,
        long vmExeKb, long vmLibKb, long vmPteKb, long vmSwapKb, MemoryLayout layout, List<Vma> vmas) {

    public ProcessMemory {
        vmas = List.copyOf(vmas);
        if (vmRssKb != rssAnonKb + rssFileKb + rssShmemKb || vmHwmKb < vmRssKb || vmPeakKb < vmSizeKb) {
            throw new IllegalArgumentException("memory values disagree: rss " + vmRssKb + " hwm " + vmHwmKb
                    + " size " + vmSizeKb + " peak " + vmPeakKb);
        }
    }

    /**
     * Sums the VMAs as the kernel's counters do: total_vm over all but the gate area, anon from the
     * Anonymous pages, shmem from shared mappings, file the rest; data_vm the private writable non-stack
     * mappings, stack_vm the stack, VmExe the code range, VmLib the other executable mappings. Peak and
     * high-water mark are raised to at least the current values.
     */
    public static ProcessMemory of(List<Vma> vmas, MemoryLayout layout, long peakKb, long hwmKb, long lockedKb,
            long pteKb) {
        long size = 0;
        long rss = 0;
        long anon = 0;
        long shmem = 0;
        long data = 0;
        long stack = 0;
        long exec = 0;
        long swap = 0;
        for (Vma v : vmas) {
            if (v.gate()) {
                continue;
            }
            size += v.sizeKb();
            rss += v.rssKb();
            anon += v.anonymousKb();
            swap += v.swapKb();
            if (v.shared()) {
                shmem += v.rssKb() - v.anonymousKb();
            }
            if (v.stack()) {
                stack += v.sizeKb();
            } else if (v.writable() && !v.shared()) {
                data += v.sizeKb();
            } else if (v.executable() && !v.writable()) {
                exec += v.sizeKb();
            }
        }
        // task_mem: text = PAGE_ALIGN(end_code) - (start_code & PAGE_MASK), lib = exec_vm - text, not below 0.
        long text = (((layout.endCode() + 0xfff) & ~0xfffL) - (layout.startCode() & ~0xfffL)) >> 10;
        long lib = Math.max(0, exec - text);
        long file = rss - anon - shmem;
        return new ProcessMemory(Math.max(peakKb, size), size, lockedKb, 0, Math.max(hwmKb, rss), rss, anon, file,
                shmem, data, stack, text, lib, pteKb, swap, layout, vmas);
    }
}
