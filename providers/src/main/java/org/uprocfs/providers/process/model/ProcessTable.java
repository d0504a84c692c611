package org.uprocfs.providers.process.model;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.TaskSpec;
import org.uprocfs.providers.hardware.sim.Simulation;

/**
 * The simulated machine's processes (init, kthreadd and the kernel threads, the profile's services, sessions
 * and workloads, short-lived commands at the profile's fork rate) as a pure function of (machine, seed,
 * uptime), safe for any number of threads and changed only by the comm, oom_score_adj and
 * timerslack_ns overlays.
 *
 * <p>The table moves in jiffies, as the kernel's task accounting does: a snapshot is taken at the last
 * jiffy boundary and kept, so every read within one jiffy (4 ms) is answered from one build and agrees with
 * every other, whatever file it is. Without that, a real clock made each lookup and each read build its own
 * snapshot and records, and {@code ps aux} over 1,000 processes cost O(n^2).
 */
public final class ProcessTable {
    /** The kernel's default pid_max for machines with up to 32 CPUs (PID_MAX_DEFAULT). */
    public static final int DEFAULT_PID_MAX = 32768;
    /** The largest pid_max a 64-bit kernel accepts (PID_MAX_LIMIT). */
    public static final int PID_MAX_LIMIT = 4 * 1024 * 1024;
    /** One jiffy at the kernel's HZ: the table's time step. */
    public static final long JIFFY_NANOS = 1_000_000_000L / ProcClock.HZ;

    private final Simulation sim;
    private final int pidMax;
    private final int bootForks;
    private final Population population;
    private final Churn churn;
    private final Member[] permanent;
    private final long[] starts;
    private final int[] tidOwner;
    private final Overlay overlay = new Overlay();
    private final AtomicReference<ProcessSnapshot> last = new AtomicReference<>();

    /** The table of the simulation's machine and seed; the simulation builds it and hands it out. */
    public ProcessTable(Simulation sim) {
        this.sim = sim;
        Machine machine = sim.machine();
        TaskSpec tasks = machine.spec().tasks();
        this.pidMax = pidMaxFor(machine.cpuCount());
        this.bootForks = (int) Math.min(tasks.bootForks(), pidMax - 1);
        this.population = new Population(machine, sim.seed(), bootForks, Churn.Reserve.of(tasks.forksPerSec()));
        this.churn = new Churn(sim.seed(), tasks.forksPerSec(), bootForks, pidMax, population);
        List<Member> members = population.members;
        this.permanent = members.toArray(new Member[0]);
        this.starts = new long[permanent.length];
        this.tidOwner = new int[pidMax];
        Arrays.fill(tidOwner, -1);
        for (int i = 0; i < permanent.length; i++) {
            Member m = permanent[i];
            starts[i] = m.startNanos;
            m.busyAtStart = sim.busyTicks(m.startNanos);
            for (int tid : m.tids) {
                tidOwner[tid] = i;
            }
        }
    }

    /**
     * pid_max as pid_idr_init sets it: 1024 per possible CPU, at least PID_MAX_DEFAULT, at most
     * PID_MAX_LIMIT.
     */
    public static int pidMaxFor(int cpus) {
        return (int) Math.min(PID_MAX_LIMIT, Math.max(DEFAULT_PID_MAX, 1024L * cpus));
    }

    /**
     * The table at {@code rawUptimeNanos}, which is the table at the jiffy boundary at or before it; the same
     * jiffy gives the same snapshot while no overlay changes.
     */
    public ProcessSnapshot at(long rawUptimeNanos) {
        long uptimeNanos = jiffyFloor(rawUptimeNanos);
        Overlay.View view = overlay.view();
        ProcessSnapshot cached = last.get();
        if (cached != null && cached.uptimeNanos() == uptimeNanos && cached.overlay == view) {
            return cached;
        }
        int alive = permanentAliveAt(uptimeNanos);
        ProcessSnapshot snap = new ProcessSnapshot(this, uptimeNanos, alive, churn.live(uptimeNanos), view);
        last.set(snap);
        return snap;
    }

    /** The jiffy boundary at or before {@code uptimeNanos}: the instant the table shows then. */
    public static long jiffyFloor(long uptimeNanos) {
        return uptimeNanos - Math.floorMod(uptimeNanos, JIFFY_NANOS);
    }

    /** The pids the table hands out stay below this: pid_max. */
    public int pidMax() {
        return pidMax;
    }

    /**
     * Renames the task {@code tid} as a write to comm does (the text is stored as given); false when no such
     * task lives at {@code uptimeNanos}. The name stays with that task, not with a later one reusing the tid.
     */
    public boolean setComm(long uptimeNanos, int tid, String comm) {
        Member m = at(uptimeNanos).member(tid);
        if (m == null) {
            return false;
        }
        overlay.setComm(new Overlay.Task(tid, m.startNanos), comm);
        return true;
    }

    /** Sets the oom_score_adj of the thread group of {@code id}, as writing oom_score_adj does; false when none lives. */
    public boolean setOomScoreAdj(long uptimeNanos, int id, int value) {
        Member m = at(uptimeNanos).member(id);
        if (m == null) {
            return false;
        }
        overlay.setOomScoreAdj(new Overlay.Task(m.tgid, m.startNanos), value);
        return true;
    }

    /**
     * Sets the timer slack of the thread group of {@code id}, as a write to timerslack_ns does (the value the
     * task ends up with, after the default and real-time rules); false when none lives.
     */
    public boolean setTimerslackNs(long uptimeNanos, int id, long value) {
        Member m = at(uptimeNanos).member(id);
        if (m == null) {
            return false;
        }
        overlay.setTimerslackNs(new Overlay.Task(m.tgid, m.startNanos), value);
        return true;
    }

    Simulation simulation() {
        return sim;
    }

    long seed() {
        return sim.seed();
    }

    int cpuCount() {
        return sim.machine().cpuCount();
    }

    Population population() {
        return population;
    }

    Member permanent(int index) {
        return permanent[index];
    }

    int permanentIndexOf(int tid) {
        return tid > 0 && tid < pidMax ? tidOwner[tid] : -1;
    }

    int runnableTarget(long t) {
        return sim.runnableTarget(t);
    }

    int blockedTarget(long t) {
        return sim.blockedTarget(t);
    }

    long busyAt(long t) {
        return sim.busyTicks(t);
    }

    long forksAt(long t) {
        return t < Population.BOOT_NANOS ? Population.counterAt(t, bootForks) : bootForks + churn.count(t);
    }

    int lastPidAt(long t) {
        if (t < Population.BOOT_NANOS) {
            return Population.counterAt(t, bootForks);
        }
        long n = churn.count(t);
        return n == 0 ? bootForks : churn.pid(n - 1);
    }

    private int permanentAliveAt(long t) {
        int i = Arrays.binarySearch(starts, t);
        if (i < 0) {
            return -i - 1;
        }
        // Equal starts are possible for neighbouring pids; include all of them.
        while (i + 1 < starts.length && starts[i + 1] == t) {
            i++;
        }
        return i + 1;
    }
}
