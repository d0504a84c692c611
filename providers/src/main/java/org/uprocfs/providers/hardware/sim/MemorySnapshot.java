package org.uprocfs.providers.hardware.sim;

/**
 * Memory at one instant in kB; everything meminfo, vmstat, buddyinfo and free need is derived from it,
 * including the commit accounting of meminfo's CommitLimit and Committed_AS.
 */
public record MemorySnapshot(long total, long free, long available, long buffers, long cached, long shmem,
        long anon, long slabReclaimable, long slabUnreclaimable, long kernelStack, long pageTables, long percpu,
        long vmallocUsed, long dirty, long swapTotal, long swapFree, long swapCached, long commitLimit,
        long committedAs) {
}
