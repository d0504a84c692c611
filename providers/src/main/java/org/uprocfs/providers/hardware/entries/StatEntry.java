package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.IrqLine;
import org.uprocfs.providers.hardware.model.SoftirqRate;
import org.uprocfs.providers.hardware.sim.CpuTimes;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.hardware.sim.TaskSnapshot;

/** /proc/stat as fs/proc/stat.c prints it: cpu lines, the intr line over every irq descriptor, counters, softirqs. */
public final class StatEntry implements ShowHandler {
    private final Simulation sim;
    private final ProcClock clock;

    public StatEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        long now = clock.uptimeNanos();
        CpuTimes times = sim.cpuTimes(now);
        m.puts("cpu ");
        columns(m, times.total());
        for (int cpu = 0; cpu < times.perCpu().length; cpu++) {
            m.puts("cpu").putLong(cpu);
            columns(m, times.perCpu()[cpu]);
        }
        intr(m, now);
        TaskSnapshot tasks = sim.tasks(now);
        m.puts("ctxt ").putLong(tasks.contextSwitches()).putc('\n');
        m.puts("btime ").putLong(clock.bootTime().getEpochSecond()).putc('\n');
        m.puts("processes ").putLong(tasks.forks()).putc('\n');
        m.puts("procs_running ").putLong(tasks.running()).putc('\n');
        m.puts("procs_blocked ").putLong(tasks.blocked()).putc('\n');
        softirq(m, now);
    }

    private static void columns(SeqBuffer m, long[] values) {
        for (long value : values) {
            m.putc(' ').putLong(value);
        }
        m.putc('\n');
    }

    /** The total counts arch interrupts too (arch_irq_stat), then one number per descriptor up to nr_irqs. */
    private void intr(SeqBuffer m, long now) {
        long[] perIrq = new long[sim.machine().nrIrqs()];
        long total = sim.archInterruptTotal(now);
        for (IrqLine line : sim.machine().spec().irqs()) {
            long sum = 0;
            for (long c : sim.irqCounts(line, now)) {
                sum += c;
            }
            if (line.irq() < perIrq.length) {
                perIrq[line.irq()] = sum;
            }
            total += sum;
        }
        m.puts("intr ").putLong(total);
        for (long count : perIrq) {
            m.putc(' ').putLong(count);
        }
        m.putc('\n');
    }

    private void softirq(SeqBuffer m, long now) {
        List<SoftirqRate> rows = sim.machine().spec().softirqs();
        long[] sums = new long[rows.size()];
        long total = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (long c : sim.softirqCounts(rows.get(i), now)) {
                sums[i] += c;
            }
            total += sums[i];
        }
        m.puts("softirq ").putLong(total);
        for (long sum : sums) {
            m.putc(' ').putLong(sum);
        }
        m.putc('\n');
    }
}
