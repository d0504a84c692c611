package org.uprocfs.providers.hardware.entries;

import java.util.Comparator;
import java.util.List;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.ArchIrq;
import org.uprocfs.providers.hardware.model.IrqLine;
import org.uprocfs.providers.hardware.sim.Simulation;

/**
 * /proc/interrupts: the CPU header, one row per device irq as kernel/irq/proc.c's show_interrupts prints it,
 * then the x86 rows of arch_show_interrupts.
 */
public final class InterruptsEntry extends IndexedSeq {
    private final Simulation sim;
    private final ProcClock clock;
    private final List<IrqLine> lines;
    private final List<ArchIrq> arch;
    private final int prec;

    public InterruptsEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
        this.lines = sim.machine().spec().irqs().stream().sorted(Comparator.comparingInt(IrqLine::irq)).toList();
        this.arch = sim.machine().spec().archIrqs();
        this.prec = precision(sim.machine().nrIrqs());
    }

    /** The width of the irq number column: three digits, one more per power of ten reached by nr_irqs. */
    static int precision(int nrIrqs) {
        int prec = 3;
        for (long j = 1000; prec < 10 && j <= nrIrqs; j *= 10) {
            prec++;
        }
        return prec;
    }

    @Override
    int count() {
        return 1 + lines.size() + arch.size();
    }

    @Override
    void show(SeqBuffer m, int index) {
        if (index == 0) {
            header(m);
        } else if (index <= lines.size()) {
            line(m, lines.get(index - 1));
        } else {
            arch(m, arch.get(index - 1 - lines.size()));
        }
    }

    private void header(SeqBuffer m) {
        Fields.spaces(m, prec + 8);
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) {
            Fields.decLeft(m.puts("CPU"), cpu, 8);
        }
        m.putc('\n');
    }

    private void line(SeqBuffer m, IrqLine line) {
        Fields.dec(m, line.irq(), prec).putc(':');
        for (long count : sim.irqCounts(line, clock.uptimeNanos())) {
            m.putc(' ').putLongPadded(count, 10);
        }
        Fields.right(m.putc(' '), line.chip(), 8).putc(' ');
        if (line.hwirq() != null) {
            Fields.dec(m, line.hwirq(), prec);
        } else {
            Fields.spaces(m, prec);
        }
        Fields.left(m.putc('-'), line.handler(), 8);
        for (int i = 0; i < line.actions().size(); i++) {
            m.puts(i == 0 ? "  " : ", ").puts(line.actions().get(i));
        }
        m.putc('\n');
    }

    private void arch(SeqBuffer m, ArchIrq row) {
        Fields.right(m, row.name(), prec).putc(':');
        for (long count : sim.archCounts(row, clock.uptimeNanos())) {
            m.putc(' ').putLongPadded(count, 10);
        }
        if (!row.global()) {
            m.puts("   ").puts(row.description());
        }
        m.putc('\n');
    }
}
