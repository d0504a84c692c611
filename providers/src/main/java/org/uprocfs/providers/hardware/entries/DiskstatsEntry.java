package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/diskstats: major, minor, name and the 17 counters of Linux 5.5 and later for every disk and partition. */
public final class DiskstatsEntry extends IndexedSeq {
    private final Simulation sim;
    private final ProcClock clock;
    private final List<BlockRow> rows;

    public DiskstatsEntry(Simulation sim, ProcClock clock) {
        Machine machine = sim.machine();
        this.sim = sim;
        this.clock = clock;
        this.rows = BlockRow.of(machine.spec().disks());
    }

    @Override
    int count() {
        return rows.size();
    }

    @Override
    void show(SeqBuffer m, int index) {
        BlockRow row = rows.get(index);
        Fields.dec(m, row.disk().major(), 4).putc(' ');
        Fields.dec(m, row.minor(), 7).putc(' ').puts(row.name());
        for (long value : sim.diskCounters(row.disk(), row.partition(), clock.uptimeNanos())) {
            m.putc(' ').putLong(value);
        }
        m.putc('\n');
    }
}
