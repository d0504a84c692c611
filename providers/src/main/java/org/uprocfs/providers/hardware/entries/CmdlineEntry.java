package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/cmdline: the boot command line and a newline. */
public final class CmdlineEntry implements ShowHandler {
    private final Machine machine;

    public CmdlineEntry(Machine machine) {
        this.machine = machine;
    }

    @Override
    public void show(SeqBuffer m) {
        m.puts(machine.spec().kernel().cmdline()).putc('\n');
    }
}
