package org.uprocfs.providers.hardware.model;

import java.util.List;

/** The whole immutable description of one simulated machine, as a profile gives it. */
public record MachineSpec(String name, KernelInfo kernel, CpuSpec cpu, MemorySpec memory, TaskSpec tasks,
        List<SwapArea> swaps, int gsiTop, List<IrqLine> irqs, List<ArchIrq> archIrqs, List<SoftirqRate> softirqs,
        List<Resource> iomem, List<Resource> ioports, List<DmaChannel> dma, List<DeviceMajor> charMajors,
        List<DeviceMajor> blockMajors, List<PciDevice> pci, List<BlockDevice> disks, List<NetInterface> interfaces,
        List<Route> routes, List<ArpEntry> arp, List<FileSystemType> filesystems, List<MountEntry> mounts,
        List<BuddyZone> zones, List<ProcessSpec> processes) {

    public MachineSpec {
        swaps = copy(swaps);
        irqs = copy(irqs);
        archIrqs = copy(archIrqs);
        softirqs = copy(softirqs);
        iomem = copy(iomem);
        ioports = copy(ioports);
        dma = copy(dma);
        charMajors = copy(charMajors);
        blockMajors = copy(blockMajors);
        pci = copy(pci);
        disks = copy(disks);
        interfaces = copy(interfaces);
        routes = copy(routes);
        arp = copy(arp);
        filesystems = copy(filesystems);
        mounts = copy(mounts);
        zones = copy(zones);
        processes = copy(processes);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
