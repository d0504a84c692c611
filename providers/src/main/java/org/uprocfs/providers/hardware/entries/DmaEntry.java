package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.DmaChannel;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/dma: the ISA DMA channels in use, as kernel/dma.c prints them. */
public final class DmaEntry implements ShowHandler {
    private final Machine machine;

    public DmaEntry(Machine machine) {
        this.machine = machine;
    }

    @Override
    public void show(SeqBuffer m) {
        for (DmaChannel channel : machine.spec().dma()) {
            Fields.dec(m, channel.channel(), 2).puts(": ").puts(channel.name()).putc('\n');
        }
    }
}
