package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.FileSystemType;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/filesystems: registration order, "nodev" or nothing, a tab, the name. */
public final class FilesystemsEntry implements ShowHandler {
    private final Machine machine;

    public FilesystemsEntry(Machine machine) {
        this.machine = machine;
    }

    @Override
    public void show(SeqBuffer m) {
        for (FileSystemType fs : machine.spec().filesystems()) {
            m.puts(fs.nodev() ? "nodev" : "").putc('\t').puts(fs.name()).putc('\n');
        }
    }
}
