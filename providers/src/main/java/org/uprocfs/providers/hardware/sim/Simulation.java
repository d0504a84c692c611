package org.uprocfs.providers.hardware.sim;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.providers.hardware.model.ArchIrq;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.IrqLine;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.NetInterface;
import org.uprocfs.providers.hardware.model.Partition;
import org.uprocfs.providers.hardware.model.SoftirqRate;
import org.uprocfs.providers.hardware.model.TaskSpec;
import org.uprocfs.providers.process.model.ProcessSnapshot;
import org.uprocfs.providers.process.model.ProcessTable;

/**
 * Everything that changes on the simulated machine, as pure functions of (machine, seed, uptime): immutable
 * and safe to call from any number of threads; a frozen clock gives the same numbers every time.
 */
public final class Simulation {
    private final Machine machine;
    private final long seed;
    private final CpuModel cpu;
    private final InterruptModel interrupts;
    private final MemoryModel memory;
    private final LoadAverage load;
    private final IoModel io;
    private final ProcessTable processes;

    /** A simulation with the kernel's default vm tunables. */
    public Simulation(Machine machine, long seed) {
        this(machine, seed, VmTunables.DEFAULTS);
    }

    /** A simulation whose memory follows the given vm tunables, read at every render. */
    public Simulation(Machine machine, long seed, VmTunables tunables) {
        this.machine = machine;
        this.seed = seed;
        this.cpu = new CpuModel(machine, seed);
        this.interrupts = new InterruptModel(cpu, machine.cpuCount(), seed);
        this.memory = new MemoryModel(machine, seed, tunables);
        this.load = new LoadAverage(machine.spec().tasks(), seed);
        this.io = new IoModel(seed);
        // Last: the table reads CPU times at the processes' births while it is built.
        this.processes = new ProcessTable(this);
    }

    /** The simulated process table, from which the scheduler counts of {@link #tasks} are taken. */
    public ProcessTable processes() {
        return processes;
    }

    /** The machine simulated. */
    public Machine machine() {
        return machine;
    }

    /** The seed all randomness derives from. */
    public long seed() {
        return seed;
    }

    /** Per-CPU times in USER_HZ ticks and total idle seconds. */
    public CpuTimes cpuTimes(long uptimeNanos) {
        return cpu.times(uptimeNanos);
    }

    /** The clock of one CPU, as cpuinfo's "cpu MHz" shows it. */
    public double cpuMhz(int cpuIndex, long uptimeNanos) {
        return cpu.mhz(cpuIndex, uptimeNanos);
    }

    /** Per-CPU counts of one device interrupt. */
    public long[] irqCounts(IrqLine line, long uptimeNanos) {
        return interrupts.line(line, seconds(uptimeNanos));
    }

    /** Per-CPU counts of one arch row; one element for a global row. */
    public long[] archCounts(ArchIrq row, long uptimeNanos) {
        return interrupts.arch(row, seconds(uptimeNanos));
    }

    /** Per-CPU counts of one softirq. */
    public long[] softirqCounts(SoftirqRate row, long uptimeNanos) {
        return interrupts.softirq(row, seconds(uptimeNanos));
    }

    /** All arch interrupts on all CPUs, which the intr total of /proc/stat includes. */
    public long archInterruptTotal(long uptimeNanos) {
        return interrupts.archTotal(machine.spec().archIrqs(), seconds(uptimeNanos));
    }

    /** Memory and swap now. */
    public MemorySnapshot memory(long uptimeNanos) {
        return memory.at(uptimeNanos);
    }

    /**
     * The scheduler's counters and the load averages now; running, blocked, threads, last pid and forks are
     * counted in the process table, so /proc/stat, /proc/loadavg and the per-pid files agree.
     */
    public TaskSnapshot tasks(long uptimeNanos) {
        TaskSpec spec = machine.spec().tasks();
        long jiffies = uptimeNanos / (1_000_000_000L / ProcClock.HZ);
        long ctxt = counter("ctxt", spec.contextSwitchesPerSec(), uptimeNanos);
        ProcessSnapshot table = processes.at(uptimeNanos);
        return new TaskSnapshot(ctxt, table.forks(), table.running(), table.blocked(), table.threads(),
                table.lastPid(), load.averages(jiffies));
    }

    /** How many threads are runnable now (one to one per CPU), which the process table puts in state R. */
    public int runnableTarget(long uptimeNanos) {
        long jiffies = uptimeNanos / (1_000_000_000L / ProcClock.HZ);
        return Math.max(1, Math.min(load.activeAt(jiffies / LoadAverage.LOAD_FREQ), machine.cpuCount()));
    }

    /** How many threads wait in uninterruptible sleep now, which the process table puts in state D. */
    public int blockedTarget(long uptimeNanos) {
        long second = uptimeNanos / 1_000_000_000L;
        int max = machine.spec().tasks().maxBlocked();
        return (int) Math.floor(Noise.unit(Noise.key(seed, "blocked", 0), second) * (max + 1));
    }

    /** The busy columns of the cpu line (user + nice + system) in ticks, the time processes account to themselves. */
    public long busyTicks(long uptimeNanos) {
        long[] total = cpu.times(uptimeNanos).total();
        return total[0] + total[1] + total[2];
    }

    /** The 17 diskstats fields of a disk, or of one of its partitions when {@code partition} is not null. */
    public long[] diskCounters(BlockDevice disk, Partition partition, long uptimeNanos) {
        double[] v = io.disk(disk, seconds(uptimeNanos));
        double share = partition == null ? 1 : partition.share();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) Math.floor(v[i] * share);
        }
        return out;
    }

    /** The 16 /proc/net/dev fields of an interface. */
    public long[] netCounters(NetInterface nic, long uptimeNanos) {
        double[] v = io.net(nic, seconds(uptimeNanos));
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) Math.floor(v[i]);
        }
        return out;
    }

    /** A named event counter growing at {@code rate} per second (page faults, context switches, ...). */
    public long counter(String name, double rate, long uptimeNanos) {
        return InterruptModel.count(Noise.key(seed, name, 0), rate, seconds(uptimeNanos));
    }

    private static double seconds(long uptimeNanos) {
        return uptimeNanos / 1e9;
    }
}
