package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.KernelInfo;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/version: the build banner, which names the build host, never the current host name. */
public final class VersionEntry implements ShowHandler {
    private final Machine machine;

    public VersionEntry(Machine machine) {
        this.machine = machine;
    }

    @Override
    public void show(SeqBuffer m) {
        KernelInfo k = machine.spec().kernel();
        m.puts("Linux version ").puts(k.release()).puts(" (").puts(k.buildUser()).putc('@').puts(k.buildHost())
                .puts(") (").puts(k.compiler()).puts(") ").puts(k.version()).putc('\n');
    }
}
