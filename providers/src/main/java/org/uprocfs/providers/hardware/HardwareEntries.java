package org.uprocfs.providers.hardware;

import org.uprocfs.core.ProcClock;
import org.uprocfs.core.io.ProcHandlers;
import org.uprocfs.core.module.ProcContext;
import org.uprocfs.providers.hardware.entries.CmdlineEntry;
import org.uprocfs.providers.hardware.entries.CpuinfoEntry;
import org.uprocfs.providers.hardware.entries.LoadavgEntry;
import org.uprocfs.providers.hardware.entries.MeminfoEntry;
import org.uprocfs.providers.hardware.entries.StatEntry;
import org.uprocfs.providers.hardware.entries.UptimeEntry;
import org.uprocfs.providers.hardware.entries.VersionEntry;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.sim.Simulation;

/** The table of hardware files: path, mode and renderer, registered in one place. */
final class HardwareEntries {
    /** World-readable, as every one of these files is in procfs. */
    private static final int READ_ONLY = 0444;

    private HardwareEntries() {
    }

    static void register(ProcContext ctx, Simulation sim) {
        ProcClock clock = ctx.clock();
        Machine machine = sim.machine();
        ctx.create(null, "cpuinfo", READ_ONLY, ProcHandlers.seq(new CpuinfoEntry(sim, clock)));
        ctx.create(null, "meminfo", READ_ONLY, ProcHandlers.show(new MeminfoEntry(sim, clock)));
        ctx.create(null, "stat", READ_ONLY, ProcHandlers.show(new StatEntry(sim, clock)));
        ctx.create(null, "uptime", READ_ONLY, ProcHandlers.show(new UptimeEntry(sim, clock)));
        ctx.create(null, "loadavg", READ_ONLY, ProcHandlers.show(new LoadavgEntry(sim, clock)));
        ctx.create(null, "version", READ_ONLY, ProcHandlers.show(new VersionEntry(machine)));
        ctx.create(null, "cmdline", READ_ONLY, ProcHandlers.show(new CmdlineEntry(machine)));
    }
}
