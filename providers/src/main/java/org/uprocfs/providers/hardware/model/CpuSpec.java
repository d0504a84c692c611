package org.uprocfs.providers.hardware.model;

/** One CPU model repeated over a socket/core/thread topology, with the fields cpuinfo prints. */
public record CpuSpec(int count, int sockets, int coresPerSocket, int threadsPerCore, String vendorId, int family,
        int model, String modelName, int stepping, long microcode, double mhz, double mhzJitter, int cacheSizeKb,
        int cpuidLevel, String flags, String vmxFlags, String bugs, double bogomips, int tlbSize, int clflushSize,
        int cacheAlignment, int physicalBits, int virtualBits, String powerManagement, CpuLoad load) {

    public CpuSpec {
        flags = flags == null ? "" : flags;
        bugs = bugs == null ? "" : bugs;
        powerManagement = powerManagement == null ? "" : powerManagement;
    }
}
