package org.uprocfs.providers.hardware.sim;

import java.util.List;
import org.uprocfs.providers.hardware.model.ArchIrq;
import org.uprocfs.providers.hardware.model.IrqLine;
import org.uprocfs.providers.hardware.model.SoftirqRate;

/** Per-CPU interrupt and softirq counts: each grows at its rate along its own warped time. */
final class InterruptModel {
    private final CpuModel cpus;
    private final int cpuCount;
    private final long seed;

    InterruptModel(CpuModel cpus, int cpuCount, long seed) {
        this.cpus = cpus;
        this.cpuCount = cpuCount;
        this.seed = seed;
    }

    /** A device line counts only on the CPU it is routed to, or on all CPUs evenly when spread. */
    long[] line(IrqLine line, double t) {
        long[] counts = new long[cpuCount];
        for (int cpu = 0; cpu < cpuCount; cpu++) {
            double rate = line.cpu() < 0 ? line.rate() / cpuCount : (line.cpu() == cpu ? line.rate() : 0);
            counts[cpu] = count(Noise.key(seed, "irq." + line.irq(), cpu), rate, t);
        }
        return counts;
    }

    long[] arch(ArchIrq row, double t) {
        long[] counts = new long[row.global() ? 1 : cpuCount];
        for (int cpu = 0; cpu < counts.length; cpu++) {
            counts[cpu] = count(Noise.key(seed, "arch." + row.name(), cpu), row.ratePerCpu() * cpus.factor(cpu), t);
        }
        return counts;
    }

    long[] softirq(SoftirqRate row, double t) {
        long[] counts = new long[cpuCount];
        for (int cpu = 0; cpu < cpuCount; cpu++) {
            counts[cpu] = count(Noise.key(seed, "softirq." + row.name(), cpu), row.ratePerCpu() * cpus.factor(cpu), t);
        }
        return counts;
    }

    long archTotal(List<ArchIrq> rows, double t) {
        long sum = 0;
        for (ArchIrq row : rows) {
            for (long c : arch(row, t)) {
                sum += c;
            }
        }
        return sum;
    }

    static long count(long key, double rate, double t) {
        return rate <= 0 ? 0 : (long) Math.floor(rate * Noise.warp(key, t));
    }
}
