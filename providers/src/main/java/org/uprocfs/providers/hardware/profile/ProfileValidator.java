package org.uprocfs.providers.hardware.profile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.CpuSpec;
import org.uprocfs.providers.hardware.model.DeviceMajor;
import org.uprocfs.providers.hardware.model.IrqLine;
import org.uprocfs.providers.hardware.model.MachineSpec;
import org.uprocfs.providers.hardware.model.MemorySpec;
import org.uprocfs.providers.hardware.model.SwapArea;

/** Refuses profiles a real kernel could never have booted with, naming the field and the reason. */
final class ProfileValidator {
    /** x86 has 64 KiB of I/O port space. */
    private static final long IO_PORT_LIMIT = 0xffff;
    /** The simulated CPU times stay monotonic only while the busy shares leave idle growing. */
    private static final double MAX_BUSY = 0.5;

    private ProfileValidator() {
    }

    static void validate(MachineSpec spec) {
        require(spec.kernel(), "kernel");
        require(spec.kernel().release(), "kernel.release");
        require(spec.kernel().version(), "kernel.version");
        require(spec.tasks(), "tasks");
        checkCpu(spec.cpu());
        checkMemory(spec.memory());
        checkSwaps(spec.swaps());
        ResourceTreeCheck.check("iomem", spec.iomem(), -1L);
        ResourceTreeCheck.check("ioports", spec.ioports(), IO_PORT_LIMIT);
        checkMajors("charMajors", spec.charMajors());
        Set<Integer> blockMajors = checkMajors("blockMajors", spec.blockMajors());
        checkDisks(spec.disks(), blockMajors);
        checkIrqs(spec.irqs(), spec.cpu().count());
    }

    private static void checkCpu(CpuSpec cpu) {
        require(cpu, "cpu");
        if (cpu.sockets() < 1 || cpu.coresPerSocket() < 1 || cpu.threadsPerCore() < 1) {
            throw new ProfileException("cpu.sockets", "sockets, coresPerSocket and threadsPerCore must be at least 1");
        }
        int product = cpu.sockets() * cpu.coresPerSocket() * cpu.threadsPerCore();
        if (cpu.count() != product) {
            throw new ProfileException("cpu.count", cpu.count() + " CPUs do not add up to " + cpu.sockets()
                    + " sockets x " + cpu.coresPerSocket() + " cores x " + cpu.threadsPerCore() + " threads = " + product);
        }
        require(cpu.vendorId(), "cpu.vendorId");
        require(cpu.modelName(), "cpu.modelName");
        require(cpu.load(), "cpu.load");
        if (cpu.mhz() <= 0) {
            throw new ProfileException("cpu.mhz", "must be positive");
        }
        if (cpu.load().busy() < 0 || cpu.load().busy() > MAX_BUSY) {
            throw new ProfileException("cpu.load", "busy shares add up to " + cpu.load().busy()
                    + ", outside 0.." + MAX_BUSY);
        }
    }

    private static void checkMemory(MemorySpec memory) {
        require(memory, "memory");
        if (memory.totalKb() <= 0) {
            throw new ProfileException("memory.totalKb", "must be positive");
        }
        if (memory.freeKb() < 0 || memory.freeKb() > memory.totalKb()) {
            throw new ProfileException("memory.freeKb", "MemFree " + memory.freeKb() + " kB is above MemTotal "
                    + memory.totalKb() + " kB");
        }
        if (memory.anonKb() < 0) {
            throw new ProfileException("memory.freeKb", "free, buffers, cache and kernel memory add up to more than "
                    + "MemTotal " + memory.totalKb() + " kB");
        }
    }

    private static void checkSwaps(List<SwapArea> swaps) {
        for (int i = 0; i < swaps.size(); i++) {
            SwapArea swap = swaps.get(i);
            if (!"partition".equals(swap.type()) && !"file".equals(swap.type())) {
                throw new ProfileException("swaps[" + i + "].type", "must be partition or file, not " + swap.type());
            }
            if (swap.usedKb() < 0 || swap.usedKb() > swap.sizeKb()) {
                throw new ProfileException("swaps[" + i + "].usedKb", "SwapFree would exceed SwapTotal or go negative");
            }
        }
    }

    private static Set<Integer> checkMajors(String field, List<DeviceMajor> majors) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < majors.size(); i++) {
            int major = majors.get(i).major();
            if (major < 0 || major > 511) {
                throw new ProfileException(field + "[" + i + "].major", major + " is outside 0..511");
            }
            Integer earlier = seen.putIfAbsent(major, i);
            if (earlier != null) {
                throw new ProfileException(field + "[" + i + "].major", "duplicate major " + major
                        + ", already registered by " + field + "[" + earlier + "]");
            }
        }
        return seen.keySet();
    }

    private static void checkDisks(List<BlockDevice> disks, Set<Integer> blockMajors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < disks.size(); i++) {
            BlockDevice disk = disks.get(i);
            String at = "disks[" + i + "]";
            if (!blockMajors.contains(disk.major())) {
                throw new ProfileException(at + ".major", disk.major() + " is not in blockMajors");
            }
            if (!names.add(disk.name())) {
                throw new ProfileException(at + ".name", "duplicate block device " + disk.name());
            }
            double shares = disk.partitions().stream().mapToDouble(p -> p.share()).sum();
            if (shares > 1.0 + 1e-9) {
                throw new ProfileException(at + ".partitions", "I/O shares add up to " + shares + ", above 1");
            }
        }
    }

    private static void checkIrqs(List<IrqLine> irqs, int cpus) {
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < irqs.size(); i++) {
            IrqLine line = irqs.get(i);
            if (!numbers.add(line.irq())) {
                throw new ProfileException("irqs[" + i + "].irq", "duplicate irq " + line.irq());
            }
            if (line.cpu() < -1 || line.cpu() >= cpus) {
                throw new ProfileException("irqs[" + i + "].cpu", "cpu " + line.cpu() + " does not exist");
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new ProfileException(field, "missing");
        }
    }
}
