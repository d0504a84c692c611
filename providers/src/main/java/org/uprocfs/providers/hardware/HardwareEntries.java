package org.uprocfs.providers.hardware;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.providers.hardware.entries.*;
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
        ctx.create(null, "interrupts", READ_ONLY, ProcHandlers.seq(new InterruptsEntry(sim, clock)));
        ctx.create(null, "softirqs", READ_ONLY, ProcHandlers.show(new SoftirqsEntry(sim, clock)));
        ctx.create(null, "iomem", READ_ONLY, ProcHandlers.seq(ResourceEntry.iomem(machine.spec().iomem())));
        ctx.create(null, "ioports", READ_ONLY, ProcHandlers.seq(ResourceEntry.ioports(machine.spec().ioports())));
        ctx.create(null, "dma", READ_ONLY, ProcHandlers.show(new DmaEntry(machine)));
        ctx.create(null, "devices", READ_ONLY, ProcHandlers.show(new DevicesEntry(machine)));
        ctx.create(null, "partitions", READ_ONLY, ProcHandlers.seq(new PartitionsEntry(machine)));
        ctx.create(null, "diskstats", READ_ONLY, ProcHandlers.seq(new DiskstatsEntry(sim, clock)));
        ctx.create(null, "filesystems", READ_ONLY, ProcHandlers.show(new FilesystemsEntry(machine)));
        ctx.create(null, "swaps", READ_ONLY, ProcHandlers.seq(new SwapsEntry(sim, clock)));
        ctx.create(null, "vmstat", READ_ONLY, ProcHandlers.show(new VmstatEntry(sim, clock)));
        ctx.create(null, "buddyinfo", READ_ONLY, ProcHandlers.show(new BuddyinfoEntry(sim, clock)));
        ctx.create(null, "mounts", READ_ONLY, ProcHandlers.seq(new MountsEntry(machine)));
        ctx.create(null, "net/dev", READ_ONLY, ProcHandlers.seq(new NetDevEntry(sim, clock)));
        ctx.create(null, "net/route", READ_ONLY, ProcHandlers.seq(new NetRouteEntry(machine)));
        ctx.create(null, "net/arp", READ_ONLY, ProcHandlers.seq(new NetArpEntry(machine)));
        ctx.create(null, "bus/pci/devices", READ_ONLY, ProcHandlers.seq(new PciDevicesEntry(machine)));
        ctx.create(null, "kallsyms", READ_ONLY, ProcHandlers.seq(new KallsymsEntry(machine, sim.seed())));
    }
}
