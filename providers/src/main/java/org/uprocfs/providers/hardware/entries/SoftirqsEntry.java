package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.SoftirqRate;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/softirqs: a CPU header and one right-aligned row per softirq vector, as fs/proc/softirqs.c prints them. */
public final class SoftirqsEntry implements ShowHandler {
    private final Simulation sim;
    private final ProcClock clock;

    public SoftirqsEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        long now = clock.uptimeNanos();
        m.puts("                    ");
        for (int cpu = 0; cpu < sim.machine().cpuCount(); cpu++) {
            Fields.decLeft(m.puts("CPU"), cpu, 8);
        }
        m.putc('\n');
        for (SoftirqRate row : sim.machine().spec().softirqs()) {
            Fields.right(m, row.name(), 12).putc(':');
            for (long count : sim.softirqCounts(row, now)) {
                m.putc(' ').putLongPadded(count, 10);
            }
            m.putc('\n');
        }
    }
}
