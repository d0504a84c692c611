package org.uprocfs.providers.hardware.model;

/** Memory at the moment the profile describes, in kB; the simulation moves anonymous and cache memory around it. */
public record MemorySpec(long totalKb, long freeKb, long buffersKb, long cachedKb, long shmemKb,
        long slabReclaimableKb, long slabUnreclaimableKb, long kernelStackKb, long pageTablesKb, long percpuKb,
        long vmallocUsedKb, long hugePageSizeKb, long directMap4kKb, long directMap2mKb, long directMap1gKb) {

    /** Memory not accounted to any other field: anonymous pages of processes. */
    public long anonKb() {
        return totalKb - freeKb - buffersKb - cachedKb - slabReclaimableKb - slabUnreclaimableKb - kernelStackKb
                - pageTablesKb - percpuKb;
    }
}
