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
import org.uprocfs.providers.hardware.model.ProcessSpec;
import org.uprocfs.providers.hardware.model.SwapArea;
import org.uprocfs.providers.process.model.ProcessSpecs;
import org.uprocfs.providers.process.model.ProcessTable;

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
        checkProcesses(spec);
    }

    private static void checkProcesses(MachineSpec spec) {
        List<ProcessSpec> processes = spec.processes();
        double shares = 0;
        for (int i = 0; i < processes.size(); i++) {
            ProcessSpec p = processes.get(i);
            String at = "processes[" + i + "]";
            if (p.comm() == null || p.comm().isEmpty()) {
                throw new ProfileException(at + ".comm", "missing");
            }
            if (!ProcessSpecs.commFits(p.comm())) {
                throw new ProfileException(at + ".comm", "\"" + p.comm() + "\" is longer than "
                        + ProcessSpecs.COMM_MAX + " bytes (TASK_COMM_LEN)");
            }
            nonNegative(p.uid(), at + ".uid");
            nonNegative(p.gid(), at + ".gid");
            nonNegative(p.loginUid(), at + ".loginUid");
            nonNegative(p.sockets(), at + ".sockets");
            nonNegative(p.pipes(), at + ".pipes");
            for (int g = 0; g < p.groups().size(); g++) {
                nonNegative(p.groups().get(g), at + ".groups[" + g + "]");
            }
            if (p.threads() != null && (p.threads() < 1 || p.threads() > 10_000)) {
                throw new ProfileException(at + ".threads", p.threads() + " is outside 1..10000");
            }
            if (p.count() != null && (p.count() < 1 || (i == 0 && p.count() != 1))) {
                throw new ProfileException(at + ".count", i == 0 ? "there is only one init" : "must be at least 1");
            }
            if (p.rssKb() != null && p.rssKb() < 0) {
                throw new ProfileException(at + ".rssKb", "must not be negative");
            }
            if (p.vsizeKb() != null && p.vsizeKb() < (p.rssKb() == null ? 0 : p.rssKb())) {
                throw new ProfileException(at + ".vsizeKb", p.vsizeKb() + " kB is below the resident " + p.rssKb()
                        + " kB");
            }
            if (p.shmemKb() != null && (p.shmemKb() < 0 || (p.rssKb() != null && p.shmemKb() > p.rssKb()))) {
                throw new ProfileException(at + ".shmemKb", "must lie between 0 and rssKb");
            }
            if (p.cpuShare() != null) {
                if (!(p.cpuShare() >= 0 && p.cpuShare() <= 1)) {
                    throw new ProfileException(at + ".cpuShare", p.cpuShare() + " is outside 0..1");
                }
                shares += p.cpuShare() * (p.count() == null ? 1 : p.count());
                if (shares > ProcessSpecs.MAX_PROFILE_SHARE + 1e-9) {
                    throw new ProfileException(at + ".cpuShare", "CPU shares add up to " + shares + ", above "
                            + ProcessSpecs.MAX_PROFILE_SHARE
                            + " (kernel threads and short-lived processes need the rest)");
                }
            }
            if (p.state() != null && ProcessSpecs.stateOrNull(p.state()) == null) {
                throw new ProfileException(at + ".state", "\"" + p.state() + "\" is not one of R, S, D, T");
            }
            if (p.parent() != null && (i == 0 || ProcessSpecs.parentIndex(p.parent(), processes, i) == null)) {
                throw new ProfileException(at + ".parent", i == 0 ? "init has no parent"
                        : "no earlier process is " + p.parent());
            }
            if (p.tty() != null && ProcessSpecs.ttyNr(p.tty()) < 0) {
                throw new ProfileException(at + ".tty", "\"" + p.tty() + "\" is not pts/N, ttyN or ttySN");
            }
            if (p.nice() != null && (p.nice() < -20 || p.nice() > 19)) {
                throw new ProfileException(at + ".nice", p.nice() + " is outside -20..19");
            }
            if (p.oomScoreAdj() != null && (p.oomScoreAdj() < -1000 || p.oomScoreAdj() > 1000)) {
                throw new ProfileException(at + ".oomScoreAdj", p.oomScoreAdj() + " is outside -1000..1000");
            }
            absolute(p.exe(), at + ".exe");
            absolute(p.cwd(), at + ".cwd");
            absolute(p.cgroup(), at + ".cgroup");
            for (int f = 0; f < p.files().size(); f++) {
                absolute(p.files().get(f), at + ".files[" + f + "]");
            }
        }
        int cpus = spec.cpu().count();
        int pidMax = ProcessTable.pidMaxFor(cpus);
        long needed = ProcessSpecs.bootPidsNeeded(cpus, processes);
        if (spec.tasks().bootForks() < needed || spec.tasks().bootForks() >= pidMax) {
            throw new ProfileException("tasks.bootForks", spec.tasks().bootForks() + " must lie between " + needed
                    + " (init, " + ProcessSpecs.kernelThreadCount(cpus) + " kernel threads and every profile thread)"
                    + " and pid_max " + pidMax);
        }
        double maxRate = ProcessSpecs.maxForksPerSec(pidMax, spec.tasks().bootForks());
        if (spec.tasks().forksPerSec() < 0 || spec.tasks().forksPerSec() > maxRate) {
            throw new ProfileException("tasks.forksPerSec", spec.tasks().forksPerSec() + " is outside 0.." + maxRate
                    + ", where wrapped pids could meet processes still alive");
        }
    }

    private static void nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw new ProfileException(field, value + " is negative");
        }
    }

    private static void absolute(String path, String field) {
        if (path != null && !path.startsWith("/")) {
            throw new ProfileException(field, "\"" + path + "\" is not an absolute path");
        }
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
