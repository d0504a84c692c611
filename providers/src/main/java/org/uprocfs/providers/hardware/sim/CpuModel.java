package org.uprocfs.providers.hardware.sim;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.providers.hardware.model.CpuLoad;
import org.uprocfs.providers.hardware.model.Machine;

/** Splits each CPU's uptime between busy states and idle; idle takes what the busy states leave, so every column grows. */
final class CpuModel {
    private static final String[] BUSY = {"user", "nice", "system", "iowait", "irq", "softirq", "steal"};
    /** Where each busy state lands among the ten /proc/stat columns. */
    private static final int[] COLUMN = {0, 1, 2, 4, 5, 6, 7};
    private static final int IDLE_COLUMN = 3;

    private final Machine machine;
    private final long seed;
    private final double[] shares;
    private final double[] cpuFactor;

    CpuModel(Machine machine, long seed) {
        this.machine = machine;
        this.seed = seed;
        CpuLoad load = machine.spec().cpu().load();
        this.shares = new double[] {load.user(), load.nice(), load.system(), load.iowait(), load.irq(),
                load.softirq(), load.steal()};
        int n = machine.cpuCount();
        this.cpuFactor = new double[n];
        for (int cpu = 0; cpu < n; cpu++) {
            cpuFactor[cpu] = Noise.factor(Noise.key(seed, "cpu.factor", cpu), 0.7, 1.3);
        }
    }

    /** How much busier than average a CPU is; interrupt and softirq rates follow it too. */
    double factor(int cpu) {
        return cpuFactor[cpu];
    }

    CpuTimes times(long uptimeNanos) {
        double t = uptimeNanos / 1e9;
        int n = machine.cpuCount();
        long[][] perCpu = new long[n][CpuTimes.COLUMNS];
        double idleTotal = 0;
        for (int cpu = 0; cpu < n; cpu++) {
            double busy = 0;
            for (int s = 0; s < BUSY.length; s++) {
                double seconds = shares[s] * cpuFactor[cpu] * Noise.warp(Noise.key(seed, "cpu." + BUSY[s], cpu), t);
                busy += seconds;
                perCpu[cpu][COLUMN[s]] = ticks(seconds);
            }
            double idle = Math.max(0, t - busy);
            idleTotal += idle;
            perCpu[cpu][IDLE_COLUMN] = ticks(idle);
        }
        return new CpuTimes(perCpu, idleTotal);
    }

    double mhz(int cpu, long uptimeNanos) {
        double jitter = machine.spec().cpu().mhzJitter();
        double base = machine.spec().cpu().mhz();
        if (jitter == 0) {
            return base;
        }
        return base * (1 + jitter * Noise.wave(Noise.key(seed, "cpu.mhz", cpu), uptimeNanos / 1e9));
    }

    private static long ticks(double seconds) {
        return (long) Math.floor(seconds * ProcClock.USER_HZ);
    }
}
