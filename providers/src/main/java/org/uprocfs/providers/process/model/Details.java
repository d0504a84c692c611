package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.List;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * Builds the full record of one thread group at one instant from its fixed description: CPU time as its
 * share of the cpu line's busy growth since its birth, counters that grow with its age, memory, files and
 * the small values. Counters of a zombie stop at its exit.
 */
final class Details {
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Signal masks (bit n-1 = signal n) as a typical systemd, bash and glibc daemon show them. */
    private static final long INIT_BLOCKED = 0x7be3c0fe28014a03L;
    private static final long SIGPIPE = 1L << 12;
    private static final long BASH_IGNORED = 0x380004L;
    private static final long BASH_CAUGHT = 0x4b817efbL;
    private static final long DAEMON_CAUGHT = 0x4a03L;
    /** glibc's SIGCANCEL and SIGSETXID, caught by every threaded process. */
    private static final long GLIBC_RT = 0x180000000L;

    private Details() {
    }

    static SimProcess build(ProcessTable table, ProcessSnapshot snap, Member m) {
        long t = snap.uptimeNanos();
        boolean zombie = m.zombieAt(t);
        long end = zombie ? m.exitNanos : t;
        long busyStart = m.busyAtStart >= 0 ? m.busyAtStart : table.busyAt(m.startNanos);
        long busyEnd = zombie ? table.busyAt(m.exitNanos) : snap.busyNow();
        long busy = Math.max(0, busyEnd - busyStart);
        double age = Math.max(0, (end - m.startNanos) / 1e9);
        long second = t / 1_000_000_000L;
        Machine machine = table.simulation().machine();
        int cpus = machine.cpuCount();
        Overlay.View overlay = snap.overlay;

        List<SimThread> threads = new ArrayList<>(m.tids.length);
        for (int k = 0; k < m.tids.length; k++) {
            int tid = m.tids[k];
            long key = Noise.key(m.key, "thread", k);
            double share = m.threadShares[k];
            long utime = (long) Math.floor(share * m.userFraction * busy);
            long stime = (long) Math.floor(share * (1 - m.userFraction) * busy);
            long run = (long) Math.floor(share * busy * NANOS_PER_TICK);
            TaskState state = zombie ? TaskState.ZOMBIE : stateOf(snap, m, k);
            double wakeRate = m.kernel() ? Noise.factor(key, 0.05, 20) : Noise.factor(key, 0.02, 4);
            long voluntary = (long) Math.floor(wakeRate * age) + (state == TaskState.ZOMBIE ? 1 : 0);
            long involuntary = (long) Math.floor(Noise.factor(key + 1, 0.001, 0.1) * wakeRate * age
                    + share * busy * 0.05);
            long minflt = m.kernel() ? 0 : (long) Math.floor((k == 0 ? (m.anonKb + m.fileKb) / 4.0 : 8)
                    + Noise.factor(key + 2, 0.001, 2) * age);
            long majflt = m.kernel() ? 0 : k == 0 ? (long) (m.fileKb / 4 * 0.02) : 0;
            int processor = processor(snap, m, tid, cpus, second);
            threads.add(new SimThread(tid, overlay.comm(tid, m.startNanos, m.threadComms[k]), state, utime, stime,
                    minflt, majflt, processor, voluntary, involuntary, run,
                    (long) (run * Noise.factor(key + 3, 0.05, 0.4)) + (long) (voluntary * 20_000L),
                    voluntary + involuntary + 1, (long) Math.floor(involuntary * 0.3), wchan(m, k, state),
                    m.kernel() ? IoCounters.ZERO : io(key, age, k), m.startNanos / NANOS_PER_TICK));
        }

        boolean mm = !m.kernel() && !zombie;
        List<String> argv = mm ? m.argv : List.of();
        List<String> environ = mm ? environ(m) : List.of();
        ProcessMemory memory = mm ? AddressSpace.build(table.population(), m, t, argv, environ) : null;
        List<FileDescriptor> fds = mm ? OpenFiles.build(m, machine.spec().mounts(), age) : List.of();
        long pending = pendingSignalsLimit(machine);
        boolean root = m.creds.uid() == 0;
        int adj = overlay.oomScoreAdj(m.tgid, m.startNanos, m.oomScoreAdj);
        long cut = (long) Math.floor(m.childShare * Population.CHURN_POOL * 0.8 * busy);
        long cst = (long) Math.floor(m.childShare * Population.CHURN_POOL * 0.2 * busy);
        int tpgid = m.ttyNr == 0 ? -1 : snap.foreground(m.sid);
        int maxFd = fds.isEmpty() ? 0 : fds.get(fds.size() - 1).fd();
        int fdSize = zombie ? 0 : Math.max(64, Integer.highestOneBit(Math.max(1, maxFd)) << 1);
        return new SimProcess(m.tgid, m.ppid, m.pgrp, m.sid, m.ttyNr, tpgid,
                overlay.comm(m.tgid, m.startNanos, m.comm), argv, environ,
                // A kernel thread shares init's fs (cwd and root "/", as /proc/2/cwd reads on 6.18) but has no mm
                // (no exe); a zombie has released both.
                mm ? m.exe : null, zombie ? null : m.kernel() ? "/" : m.cwd, zombie ? null : "/", m.creds,
                root ? Capabilities.ROOT : Capabilities.USER, m.kernel(), m.dumpable, flags(m, zombie), m.nice,
                m.policy, m.rtPriority, m.startNanos / NANOS_PER_TICK, memory, threads, fds, cut, cst,
                (long) Math.floor(m.childShare * age * 40), (long) Math.floor(m.childShare * age * 0.05),
                zombie ? m.exitCode : 0, m.tgid <= 2 ? 0 : 17, adj, oomScore(m, memory, adj, machine), m.cgroup,
                m.umask, m.loginuid, m.sessionid, limits(m, pending), cpusAllowed(m, cpus),
                overlay.timerslackNs(m.tgid, m.startNanos, SimProcess.realtime(m.policy) ? 0 : SimProcess.DEFAULT_TIMER_SLACK_NS),
                signals(m, zombie, pending), Namespaces.INIT, fdSize, false,
                !m.kernel() && m.comm.startsWith("systemd-") ? 2 : 0, blkioDelayTicks(threads));
    }

    private static TaskState stateOf(ProcessSnapshot snap, Member m, int k) {
        TaskState picked = snap.pickedState(m.tids[k]);
        if (picked != null) {
            return picked;
        }
        return k == 0 || m.kernel() ? m.baseState : TaskState.SLEEPING;
    }

    private static int processor(ProcessSnapshot snap, Member m, int tid, int cpus, long second) {
        int running = snap.runningCpu(tid);
        if (running >= 0) {
            return running;
        }
        if (m.cpu >= 0) {
            return m.cpu;
        }
        // The CPU it last ran on; a sleeping thread moves now and then.
        return (int) (Noise.unit(Noise.key(m.key, "cpu", tid), second / 7) * cpus);
    }

    private static String wchan(Member m, int k, TaskState state) {
        switch (state) {
            case RUNNING:
            case ZOMBIE:
                return "0";
            case DISK_SLEEP:
                return m.kernel() ? m.wchan : "io_schedule";
            default:
                return k == 0 || m.kernel() ? m.wchan : "futex_wait_queue";
        }
    }

    private static IoCounters io(long key, double age, int k) {
        double scale = k == 0 ? 1 : 0.2;
        long rchar = (long) Math.floor(Noise.factor(key + 4, 100, 20_000) * scale * age) + 832 * 4;
        long wchar = (long) Math.floor(Noise.factor(key + 5, 10, 8_000) * scale * age);
        long syscr = (long) Math.floor(Noise.factor(key + 6, 0.01, 3) * scale * age) + 8;
        long syscw = (long) Math.floor(Noise.factor(key + 7, 0.005, 1) * scale * age);
        long readBytes = (long) Math.floor(Noise.factor(key + 8, 0, 2_000) * scale * age / 4096) * 4096;
        long writeBytes = (long) Math.floor(Noise.factor(key + 9, 0, 4_000) * scale * age / 4096) * 4096;
        long cancelled = writeBytes / 4096 / 50 * 4096;
        return new IoCounters(rchar, wchar, syscr, syscw, readBytes, writeBytes, cancelled);
    }

    private static List<String> environ(Member m) {
        List<String> out = new ArrayList<>(m.environ.size() + 1);
        boolean service = false;
        for (String e : m.environ) {
            if (e.equals("SYSTEMD_EXEC_PID=%pid")) {
                service = true;
                out.add("SYSTEMD_EXEC_PID=" + m.tgid);
            } else {
                out.add(e);
            }
        }
        if (service) {
            // stdout and stderr of a service are its journal stream socket, device 8 of sockfs.
            out.add("JOURNAL_STREAM=8:" + m.firstInode);
        }
        return out;
    }

    /** PF_* flags as real tasks show them: kthreadd 0x208040, bound and workqueue kthreads more, users 0x400000. */
    private static long flags(Member m, boolean zombie) {
        if (m.kernel()) {
            long f = SimProcess.PF_KTHREAD | 0x8000L | 0x40L;
            if (m.cpu >= 0 || m.comm.startsWith("kworker/")) {
                f |= 0x04000000L;
            }
            if (m.comm.startsWith("kworker/")) {
                f |= 0x20L;
            }
            return f;
        }
        long f = SimProcess.PF_RANDOMIZE;
        if (m.creds.uid() == 0) {
            f |= 0x100L;
        }
        if (!m.dumpable) {
            f |= 0x40L;
        }
        if (zombie) {
            f |= SimProcess.PF_EXITING;
        }
        return f;
    }

    /** proc_oom_score: (1000 + badness x 1000 / totalpages) x 2 / 3, 0 for tasks the OOM killer never picks. */
    private static int oomScore(Member m, ProcessMemory memory, int adj, Machine machine) {
        if (memory == null || m.tgid == 1 || adj <= -1000) {
            return 0;
        }
        long swapKb = 0;
        for (var s : machine.spec().swaps()) {
            swapKb += s.sizeKb();
        }
        long totalPages = (machine.spec().memory().totalKb() + swapKb) / 4;
        long points = (memory.vmRssKb() + memory.vmSwapKb() + memory.vmPteKb()) / 4;
        points += (long) adj * totalPages / 1000;
        long score = (1000 + points * 1000 / Math.max(1, totalPages)) * 2 / 3;
        return (int) Math.max(0, score);
    }

    /** RLIMIT_SIGPENDING and RLIMIT_NPROC of init_task: max_threads / 2, max_threads being RAM pages / 32. */
    static long pendingSignalsLimit(Machine machine) {
        return machine.spec().memory().totalKb() / 4 / 64;
    }

    private static List<ResourceLimit> limits(Member m, long pending) {
        // The kernel's INR_OPEN_CUR/INR_OPEN_MAX for itself and init; systemd raises the hard limit for services.
        boolean early = m.kernel() || m.tgid == 1;
        return ResourceLimit.defaults(pending, 1024, early ? 4096 : 524288);
    }

    private static List<Integer> cpusAllowed(Member m, int cpus) {
        if (m.cpu >= 0) {
            return List.of(m.cpu);
        }
        List<Integer> all = new ArrayList<>(cpus);
        for (int i = 0; i < cpus; i++) {
            all.add(i);
        }
        return all;
    }

    private static Signals signals(Member m, boolean zombie, long pending) {
        if (zombie) {
            return Signals.none(pending);
        }
        long caughtRt = m.threadCount() > 1 ? GLIBC_RT : 0;
        return switch (m.role) {
            case KERNEL -> new Signals(0, 0, 0, -1L, 0, 0, pending);
            case INIT -> new Signals(0, 0, INIT_BLOCKED, SIGPIPE, 0x1000004ecL, 0, pending);
            case SHELL -> new Signals(0, 0, 0x10000L, BASH_IGNORED, BASH_CAUGHT, 0, pending);
            case DAEMON, WORKER -> new Signals(0, 0, 0, SIGPIPE, DAEMON_CAUGHT | caughtRt, 0, pending);
            case CHURN -> Signals.none(pending);
        };
    }

    /** Time spent waiting for block I/O follows the major faults that caused most of it. */
    private static long blkioDelayTicks(List<SimThread> threads) {
        return threads.get(0).majflt() / 8;
    }
}
