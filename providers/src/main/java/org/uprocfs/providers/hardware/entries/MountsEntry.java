package org.uprocfs.providers.hardware.entries;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.MountEntry;

/** /proc/mounts: device, mount point, type and options with spaces and tabs escaped, then the two zero fields. */
public final class MountsEntry extends IndexedSeq {
    private static final String SPECIAL = " \t\n\\";
    private final List<MountEntry> mounts;

    public MountsEntry(Machine machine) {
        this.mounts = machine.spec().mounts();
    }

    @Override
    int count() {
        return mounts.size();
    }

    @Override
    void show(SeqBuffer m, int index) {
        MountEntry mount = mounts.get(index);
        m.puts(Mounts.escape(mount.device(), SPECIAL)).putc(' ')
                .puts(Mounts.escape(mount.mountPoint(), SPECIAL)).putc(' ')
                .puts(Mounts.escape(mount.type(), SPECIAL)).putc(' ')
                .puts(mount.options()).puts(" 0 0\n");
    }
}
