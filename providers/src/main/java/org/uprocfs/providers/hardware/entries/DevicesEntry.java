package org.uprocfs.providers.hardware.entries;

import java.util.Comparator;
import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.DeviceMajor;
import org.uprocfs.providers.hardware.model.Machine;

/** /proc/devices: character then block majors in ascending order, one line per registered region. */
public final class DevicesEntry implements ShowHandler {
    private final Machine machine;

    public DevicesEntry(Machine machine) {
        this.machine = machine;
    }

    @Override
    public void show(SeqBuffer m) {
        m.puts("Character devices:\n");
        majors(m, machine.spec().charMajors());
        m.puts("\nBlock devices:\n");
        majors(m, machine.spec().blockMajors());
    }

    private static void majors(SeqBuffer m, List<DeviceMajor> majors) {
        for (DeviceMajor major : majors.stream().sorted(Comparator.comparingInt(DeviceMajor::major)).toList()) {
            for (String name : major.names()) {
                Fields.dec(m, major.major(), 3).putc(' ').puts(name).putc('\n');
            }
        }
    }
}
