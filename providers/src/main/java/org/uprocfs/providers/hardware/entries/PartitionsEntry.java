package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/partitions as block/genhd.c prints it; devices of zero size (idle loop devices) are left out. */
public final class PartitionsEntry extends IndexedSeq {
    private final List<BlockRow> rows;

    public PartitionsEntry(Machine machine) {
        this.rows = BlockRow.of(machine.spec().disks()).stream().filter(row -> row.sizeKb() > 0).toList();
    }

    @Override
    int count() {
        return rows.size() + 1;
    }

    @Override
    void show(SeqBuffer m, int index) {
        if (index == 0) {
            m.puts("major minor  #blocks  name\n\n");
            return;
        }
        BlockRow row = rows.get(index - 1);
        Fields.dec(m, row.disk().major(), 4).puts("  ");
        Fields.dec(m, row.minor(), 7).putc(' ');
        Fields.dec(m, row.sizeKb(), 10).putc(' ').puts(row.name()).putc('\n');
    }
}
