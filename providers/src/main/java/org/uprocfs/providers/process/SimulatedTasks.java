package org.uprocfs.providers.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.EntryTable;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.MountEntry;
import org.uprocfs.providers.hardware.model.Partition;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.process.files.MountInfoRow;
import org.uprocfs.providers.process.model.ProcessSnapshot;
import org.uprocfs.providers.process.model.ProcessTable;
import org.uprocfs.providers.process.model.SimProcess;

/**
 * The simulated machine's processes as per-pid directories: each lookup finds the process in the table at
 * the current instant and binds a {@link Task} to it; every file reads the table again when rendered.
 */
final class SimulatedTasks implements SimulatedPids {
    /** Where mount ids start, as on a systemd host (the first ids go to the kernel's internal mounts). */
    private static final int FIRST_MOUNT_ID = 22;
    /** The anonymous device minors of proc, sysfs, tmpfs and friends start after the early boot ones. */
    private static final int FIRST_ANON_MINOR = 20;
    /** A little more than libfuse's 1 s entry and attribute timeouts. */
    private static final long EXIT_GRACE_NANOS = 1_500_000_000L;
    private static final long GRACE_STEP_NANOS = 10_000_000L;

    private final ProcessTable table;
    private final ProcClock clock;
    private final int cpuCount;
    private final List<MountEntry> mounts;
    private final List<MountInfoRow> mountInfo;
    private final DirectoryOps network;

    private SimulatedTasks(ProcessTable table, Machine machine, ProcClock clock, DirectoryOps network) {
        this.table = table;
        this.network = network;
        this.clock = clock;
        this.cpuCount = machine.cpuCount();
        this.mounts = machine.spec().mounts();
        this.mountInfo = MountInfoRow.of(mounts, FIRST_MOUNT_ID, 1, blockDevices(machine), FIRST_ANON_MINOR, true);
    }

    /** The processes of a simulation, read at the clock's instants, their net/ showing {@code network}. */
    static SimulatedTasks of(Simulation simulation, ProcClock clock, DirectoryOps network) {
        return new SimulatedTasks(simulation.processes(), simulation.machine(), clock, network);
    }

    /** The machine's network files, which every task's net/ shows. */
    DirectoryOps network() {
        return network;
    }

    @Override
    public Node lookup(int pid, Caller caller) {
        long uptime = clock.uptimeNanos();
        SimProcess process = table.at(uptime).process(pid);
        if (process == null) {
            // The kernel's FUSE layer keeps a looked-up /proc/PID for its entry timeout after the process exits,
            // so a client may still find the directory and open its files: they resolve, and reads answer
            // ESRCH (psutil's NoSuchProcess), as the kernel answers a reader whose task exited.
            process = recentlyAlive(pid, uptime);
            if (process == null) {
                return null;
            }
        }
        return directory(process, new Task(this, process.tgid(), pid, process.startTicks(), true), PidEntries.TGID);
    }

    @Override
    public List<Integer> leaders() {
        int[] pids = now().pids();
        List<Integer> leaders = new ArrayList<>(pids.length);
        for (int pid : pids) {
            leaders.add(pid);
        }
        return leaders;
    }

    /**
     * The directory of a task: owned by its effective uid even when undumpable ("procps and other packages
     * kept stating /proc/pid" to learn it, as base.c says), root for kernel threads; its files per task_dump_owner.
     */
    Node directory(SimProcess process, Task task, EntryTable<Task> rows) {
        int uid = process.kernelThread() ? 0 : process.credentials().euid();
        int gid = process.kernelThread() ? 0 : process.credentials().egid();
        return new Node.Dir(0555, uid, gid,
                rows.bind(task, TaskDirectories.owner(process), TaskDirectories.ownerGroup(process)));
    }

    /** The process a pid was in the last grace period, looked for at steps shorter than any fork lives. */
    private SimProcess recentlyAlive(int pid, long uptime) {
        for (long back = GRACE_STEP_NANOS; back <= EXIT_GRACE_NANOS && back <= uptime; back += GRACE_STEP_NANOS) {
            SimProcess process = table.at(uptime - back).process(pid);
            if (process != null) {
                return process;
            }
        }
        return null;
    }

    /** The table at the current instant. */
    ProcessSnapshot now() {
        return table.at(clock.uptimeNanos());
    }

    /** The current instant, as the table shows it: the last jiffy boundary. */
    long uptimeNanos() {
        return ProcessTable.jiffyFloor(clock.uptimeNanos());
    }

    /** The simulated CPUs, for status' Cpus_allowed and sched. */
    int cpuCount() {
        return cpuCount;
    }

    /** The machine's mounts, for mounts and mountstats. */
    List<MountEntry> mounts() {
        return mounts;
    }

    /** The machine's mounts as mountinfo rows. */
    List<MountInfoRow> mountInfo() {
        return mountInfo;
    }

    /** Renames a thread; ESRCH when it exited meanwhile. */
    void setComm(int tid, String comm) {
        if (!table.setComm(clock.uptimeNanos(), tid, comm)) {
            throw new ProcException(Errno.ESRCH, "thread " + tid + " has exited");
        }
    }

    /** Sets a process's oom_score_adj; ESRCH when it exited meanwhile. */
    void setOomScoreAdj(int tgid, int value) {
        if (!table.setOomScoreAdj(clock.uptimeNanos(), tgid, value)) {
            throw new ProcException(Errno.ESRCH, "process " + tgid + " has exited");
        }
    }

    /** Sets a process's timer slack; ESRCH when it exited meanwhile. */
    void setTimerslackNs(int tgid, long value) {
        if (!table.setTimerslackNs(clock.uptimeNanos(), tgid, value)) {
            throw new ProcException(Errno.ESRCH, "process " + tgid + " has exited");
        }
    }

    private static Map<String, int[]> blockDevices(Machine machine) {
        Map<String, int[]> devices = new HashMap<>();
        for (BlockDevice disk : machine.spec().disks()) {
            devices.put("/dev/" + disk.name(), new int[] {disk.major(), disk.minor()});
            for (Partition partition : disk.partitions()) {
                devices.put("/dev/" + partition.name(), new int[] {disk.major(), partition.minor()});
            }
        }
        return devices;
    }
}
