package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.SwapArea;
import org.uprocfs.providers.hardware.sim.Simulation;

/**
 * /proc/swaps as mm/swapfile.c's swap_show prints it: the path padded to 40 columns, then tab-separated
 * type, size, used and priority, with an extra tab after numbers shorter than eight digits.
 */
public final class SwapsEntry extends IndexedSeq {
    private final Simulation sim;
    private final ProcClock clock;
    private final List<SwapArea> swaps;

    public SwapsEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
        this.swaps = sim.machine().spec().swaps();
    }

    @Override
    int count() {
        return swaps.size() + 1;
    }

    @Override
    void show(SeqBuffer m, int index) {
        if (index == 0) {
            m.puts("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
            return;
        }
        SwapArea swap = swaps.get(index - 1);
        long used = usedKb(index - 1);
        String path = Mounts.escape(swap.filename(), " \t\n\\");
        int pad = path.length() < 40 ? 40 - path.length() : 1;
        m.puts(path).puts(" ".repeat(pad));
        m.puts("partition".equals(swap.type()) ? "partition" : "file\t").putc('\t').putLong(swap.sizeKb()).putc('\t');
        m.puts(swap.sizeKb() < 10_000_000 ? "\t" : "").putLong(used).putc('\t');
        m.puts(used < 10_000_000 ? "\t" : "").putLong(swap.priority()).putc('\n');
    }

    /** Splits the simulated swap use over the areas in proportion to their configured use. */
    private long usedKb(int area) {
        long configured = swaps.stream().mapToLong(SwapArea::usedKb).sum();
        if (configured == 0) {
            return 0;
        }
        var memory = sim.memory(clock.uptimeNanos());
        long used = memory.swapTotal() - memory.swapFree();
        return used * swaps.get(area).usedKb() / configured;
    }
}
