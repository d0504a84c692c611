package org.uprocfs.providers.hardware.sim;

/** The scheduler's counters at one instant: /proc/stat's ctxt, processes, procs_*, and /proc/loadavg's fields. */
public record TaskSnapshot(long contextSwitches, long forks, int running, int blocked, int threads, long lastPid,
        long[] loadAverages) {
}
