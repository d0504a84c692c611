package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.CpuLoad;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.MountEntry;
import org.uprocfs.providers.hardware.model.Partition;
import org.uprocfs.providers.hardware.model.ProcessSpec;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * The thread groups the machine starts at boot and keeps: init, kthreadd and the kernel threads, then the
 * profile's processes, with pids handed out along one line of boot time so that pid order is start order.
 */
final class Population {
    /** Boot takes this long; the pid counter runs from 1 to the profile's bootForks during it. */
    static final long BOOT_NANOS = 10_000_000_000L;
    /** Shares of the cpu line's busy time: kernel threads, processes without a share, and short-lived ones. */
    static final double KERNEL_POOL = 0.03;
    static final double DEFAULT_POOL = 0.05;
    static final double CHURN_POOL = 0.10;
    /** Resident anonymous memory wobbles by this much around its nominal value. */
    static final double RSS_WOBBLE = 0.04;
    /** MemoryModel moves AnonPages at most 15% below the profile's value. */
    static final double ANON_FLOOR = 0.85;
    /** The part of that floor the processes' anonymous memory may fill. */
    static final double ANON_BUDGET = 0.8;

    /** The pids boot work between the phases takes at most: 40 + 40 + 250 + 400. */
    private static final double NOMINAL_GAPS = 730;

    private static final List<String> SHELLS = List.of("bash", "zsh", "sh", "fish", "dash");

    final List<Member> members = new ArrayList<>();
    final RootDevice root;
    final double threadShareCap;
    final double memScale;
    /** Audit sessions handed out so far; pam_loginuid numbers each login. */
    private int sessions;

    /** Where the root file system lives: partition name, its device numbers and the whole disk's. */
    record RootDevice(String partition, int major, int minor, int diskMinor) {
        String diskDev() {
            return major + ":" + diskMinor;
        }
    }

    Population(Machine machine, long seed, int bootForks, Churn.Reserve churn) {
        this.root = rootDevice(machine);
        this.threadShareCap = threadShareCap(machine);
        long inode = 12000 + (long) (Noise.unit(Noise.key(seed, "inode", 0), 0) * 8000);
        List<ProcessSpec> specs = machine.spec().processes().isEmpty() ? DefaultProcesses.LIST
                : machine.spec().processes();

        Member init = userMember(specs.get(0), 0, null, seed);
        init.role = Member.Role.INIT;
        init.tgid = 1;
        init.pgrp = 1;
        init.sid = 1;
        init.ppid = 0;
        // systemd runs with an empty umask and sets each service's own.
        init.umask = 0;
        if (specs.get(0).environment().isEmpty()) {
            init.environ = DefaultProcesses.initEnv(machine.spec().kernel().release());
        }
        members.add(init);

        Member kthreadd = kernelMember("kthreadd", TaskState.SLEEPING, "kthreadd", 0, 0, 0, -1, seed);
        kthreadd.tgid = 2;
        kthreadd.ppid = 0;
        members.add(kthreadd);
        // Boot work between the phases (module loads, the initramfs) used up pids in between; the gaps
        // shrink on a profile whose bootForks leaves little room.
        List<KernelThreads.Placed> kthreads = KernelThreads.all(machine.cpuCount(), root.partition(), root.diskDev());
        List<ProcessSpec> expanded = new ArrayList<>();
        List<Integer> specIndex = new ArrayList<>();
        for (int i = 1; i < specs.size(); i++) {
            int count = specs.get(i).count() == null ? 1 : specs.get(i).count();
            for (int c = 0; c < count; c++) {
                expanded.add(specs.get(i));
                specIndex.add(i);
            }
        }
        int tasks = 0;
        for (ProcessSpec s : expanded) {
            tasks += threads(s);
        }
        double gapScale = Math.max(0, Math.min(1, (bootForks - 40.0 - 3 - kthreads.size() - tasks) / NOMINAL_GAPS));
        int pid = 3;
        KernelThreads.Phase phase = KernelThreads.Phase.EARLY;
        double kernelWeights = 0;
        for (KernelThreads.Placed p : kthreads) {
            if (p.phase() != phase) {
                pid += (int) (gapScale * (p.phase() == KernelThreads.Phase.ROOT ? 150 + gap(seed, pid, 100)
                        : gap(seed, pid, 40)));
                phase = p.phase();
            }
            KernelThreads.Row r = p.row();
            Member m = kernelMember(p.name(), r.state(), r.wchan(), r.policy(), r.rtPriority(), r.nice(), p.cpu(),
                    seed);
            m.tgid = pid++;
            m.threadShares = new double[] {r.weight()};
            kernelWeights += r.weight();
            members.add(m);
        }
        for (Member m : members) {
            if (m.kernel() && kernelWeights > 0) {
                m.threadShares[0] = Math.min(threadShareCap, KERNEL_POOL * m.threadShares[0] / kernelWeights);
            }
        }

        // User space: spread the remaining boot pids over the profile's processes with seeded gaps.
        int first = pid + (int) (gapScale * (200 + gap(seed, pid, 200)));
        int slack = Math.max(0, bootForks - 20 - first - tasks);
        double[] weights = new double[expanded.size()];
        double weightSum = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Noise.factor(Noise.key(seed, "pid.gap", i), 0.2, 1.8);
            weightSum += weights[i];
        }
        Map<Integer, Member> bySpec = new HashMap<>();
        bySpec.put(0, init);
        pid = first;
        double slackUsed = 0;
        for (int i = 0; i < expanded.size(); i++) {
            ProcessSpec s = expanded.get(i);
            Member parent = parentOf(s, specIndex.get(i), specs, bySpec, init);
            Member m = userMember(s, i + 1, parent, seed);
            m.tgid = pid;
            wireSession(m, s, parent);
            members.add(m);
            bySpec.putIfAbsent(specIndex.get(i), m);
            slackUsed += slack * weights[i] / weightSum;
            pid = first + (int) slackUsed + tasksBefore(expanded, i + 1);
        }
        for (Member m : members) {
            m.startNanos = startOf(m.tgid, bootForks);
            int n = m.threadCount();
            m.tids = new int[n];
            for (int k = 0; k < n; k++) {
                m.tids[k] = m.tgid + k;
            }
            if (!m.kernel()) {
                m.firstInode = inode;
                inode += m.sockets + m.pipes + 1;
            }
        }
        shareOut(seed);
        this.memScale = memScale(machine, churn);
        for (Member m : members) {
            if (!m.kernel()) {
                m.anonKb = Math.max(64, (long) (m.anonKb * memScale));
            }
        }
    }

    /** The moment the boot's pid counter reached {@code pid}; the counter runs linearly over the boot. */
    static long startOf(int pid, int bootForks) {
        return Math.floorDiv((long) (pid - 1) * BOOT_NANOS + bootForks - 2, Math.max(1, bootForks - 1));
    }

    /** The boot's pid counter at {@code t}, the inverse of {@link #startOf}. */
    static int counterAt(long t, int bootForks) {
        if (t >= BOOT_NANOS) {
            return bootForks;
        }
        return (int) (1 + t * (bootForks - 1) / BOOT_NANOS);
    }

    private static int tasksBefore(List<ProcessSpec> specs, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            n += threads(specs.get(i));
        }
        return n;
    }

    static int threads(ProcessSpec s) {
        return s.threads() == null ? 1 : s.threads();
    }

    private static int gap(long seed, int at, int max) {
        return (int) (Noise.unit(Noise.key(seed, "pid.phase", at), 0) * max);
    }

    private static Member parentOf(ProcessSpec s, int self, List<ProcessSpec> specs, Map<Integer, Member> bySpec,
            Member init) {
        if (s.parent() == null) {
            return init;
        }
        Integer index = ProcessSpecs.parentIndex(s.parent(), specs, self);
        Member parent = index == null ? null : bySpec.get(index);
        return parent == null ? init : parent;
    }

    private Member userMember(ProcessSpec s, int ordinal, Member parent, long seed) {
        Member m = new Member();
        m.key = Noise.key(seed, "proc." + s.comm(), ordinal);
        m.comm = s.comm();
        m.argv = s.cmdline().isEmpty() ? List.of(s.comm()) : s.cmdline();
        m.exe = s.exe() != null ? s.exe() : m.argv.get(0).startsWith("/") ? m.argv.get(0) : "/usr/bin/" + s.comm();
        m.cwd = s.cwd() != null ? s.cwd() : parent == null ? "/" : parent.cwd;
        int uid = s.uid() != null ? s.uid() : parent == null ? 0 : parent.creds.uid();
        int gid = s.gid() != null ? s.gid() : uid;
        m.creds = Credentials.of(uid, gid, s.groups());
        m.role = s.tty() != null && SHELLS.contains(s.comm()) ? Member.Role.SHELL
                : parent == null || parent.role == Member.Role.INIT ? Member.Role.DAEMON : Member.Role.WORKER;
        int threads = threads(s);
        m.threadComms = new String[threads];
        m.threadComms[0] = s.comm();
        for (int k = 1; k < threads; k++) {
            m.threadComms[k] = s.threadNames().isEmpty() ? s.comm()
                    : ProcessSpecs.threadName(s.threadNames().get((k - 1) % s.threadNames().size()), k);
        }
        m.threadShares = new double[threads];
        m.explicitShare = s.cpuShare() == null ? -1 : s.cpuShare();
        if (s.state() != null) {
            m.baseState = ProcessSpecs.state(s.state());
            m.fixedState = true;
        }
        m.nice = s.nice() == null ? 0 : s.nice();
        m.cgroup = s.cgroup() != null ? s.cgroup()
                : parent == null ? "/init.scope"
                : parent.role == Member.Role.INIT ? "/system.slice/" + s.comm() + ".service" : parent.cgroup;
        long rss = s.rssKb() != null ? s.rssKb() : 4000 + (long) (Noise.unit(m.key, 11) * 8000);
        m.shmemKb = s.shmemKb() == null ? 0 : Math.min(s.shmemKb(), rss / 2);
        m.fileKb = Math.max(400, Math.min(60_000, (long) (rss * 0.35)));
        m.fileKb = Math.min(m.fileKb, Math.max(0, rss - m.shmemKb - 200));
        m.anonKb = Math.max(200, rss - m.fileKb - m.shmemKb);
        m.vsizeKb = s.vsizeKb() != null ? s.vsizeKb() : Math.max(rss * 3, rss + 20_000 + threads * 8200L);
        m.files = s.files();
        m.sockets = s.sockets() == null ? 0 : s.sockets();
        m.pipes = s.pipes() == null ? 0 : s.pipes();
        m.environ = !s.environment().isEmpty() ? s.environment()
                : parent != null && parent.role != Member.Role.INIT ? parent.environ : DefaultProcesses.serviceEnv(m);
        m.oomScoreAdj = s.oomScoreAdj() != null ? s.oomScoreAdj() : parent == null ? 0 : parent.oomScoreAdj;
        m.wchan = DefaultProcesses.wchan(s.comm());
        m.umask = uid >= 1000 ? 02 : 022;
        if (s.loginUid() != null) {
            m.loginuid = s.loginUid();
            m.sessionid = ++sessions;
        } else if (parent != null) {
            m.loginuid = parent.loginuid;
            m.sessionid = parent.sessionid;
        }
        // A privilege-separated child that changed ids without exec (sshd's) loses dumpability, which makes
        // the kernel give most of its files to root; exec of an ordinary binary restores it.
        m.dumpable = !(parent != null && m.argv.size() == 1 && m.argv.get(0).contains(": ")
                && uid != parent.creds.uid());
        m.userFraction = Noise.factor(m.key, 0.55, 0.9);
        m.childShare = SHELLS.contains(s.comm()) || "cron".equals(s.comm()) ? 0.3 : 0;
        return m;
    }

    private static void wireSession(Member m, ProcessSpec s, Member parent) {
        m.ppid = parent.tgid;
        boolean ownTty = s.tty() != null && parent.ttyNr == 0;
        m.ttyNr = s.tty() != null ? ProcessSpecs.ttyNr(s.tty()) : parent.ttyNr;
        if (parent.role == Member.Role.INIT || ownTty) {
            // Daemons call setsid(), and a login shell leads the session of its new terminal.
            m.pgrp = m.tgid;
            m.sid = m.tgid;
        } else if (parent.role == Member.Role.SHELL) {
            // Job control gives every command its own process group.
            m.pgrp = m.tgid;
            m.sid = parent.sid;
        } else {
            m.pgrp = parent.pgrp;
            m.sid = parent.sid;
        }
    }

    private static Member kernelMember(String name, TaskState state, String wchan, int policy, int rt, int nice,
            int cpu, long seed) {
        Member m = new Member();
        m.key = Noise.key(seed, "kthread." + name, cpu);
        m.comm = name;
        m.threadComms = new String[] {name};
        m.threadShares = new double[] {0};
        m.role = Member.Role.KERNEL;
        m.ppid = 2;
        m.baseState = state;
        m.wchan = wchan;
        m.policy = policy;
        m.rtPriority = rt;
        m.nice = nice;
        m.cpu = cpu;
        m.userFraction = 0;
        m.oomScoreAdj = 0;
        // Kernel threads show an empty umask in status, as they do on a running kernel.
        m.umask = 0;
        return m;
    }

    /** Explicit shares as given, the default pool split by seeded weights, each thread capped at one CPU. */
    private void shareOut(long seed) {
        double weights = 0;
        for (Member m : members) {
            if (!m.kernel() && m.explicitShare < 0) {
                weights += m.threadCount() * Noise.factor(m.key, 0.5, 1.5);
            }
        }
        for (Member m : members) {
            if (m.kernel()) {
                continue;
            }
            double share = m.explicitShare >= 0 ? m.explicitShare
                    : weights == 0 ? 0 : DEFAULT_POOL * m.threadCount() * Noise.factor(m.key, 0.5, 1.5) / weights;
            int n = m.threadCount();
            double[] w = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                w[k] = k == 0 ? 1 + Noise.unit(m.key, 20) : Noise.factor(Noise.key(m.key, "thread.weight", k), 0.05, 1);
                sum += w[k];
            }
            for (int k = 0; k < n; k++) {
                m.threadShares[k] = Math.min(threadShareCap, share * w[k] / sum);
            }
        }
    }

    /**
     * How much of the busy time one thread may take without running faster than one CPU: the cpu line's
     * busy columns grow at most at (user+nice+system) x 1.3 (the warp) x 1.3 (the busiest CPU) per CPU.
     */
    static double threadShareCap(Machine machine) {
        CpuLoad l = machine.spec().cpu().load();
        double maxRate = machine.cpuCount() * (l.user() + l.nice() + l.system()) * 1.3 * 1.3;
        return maxRate <= 0 ? 0 : Math.min(1, 0.95 / maxRate);
    }

    /** Scales anonymous memory so all processes, short-lived ones included, fit inside meminfo's AnonPages. */
    private double memScale(Machine machine, Churn.Reserve churn) {
        double sum = churn.anonKb();
        for (Member m : members) {
            if (!m.kernel()) {
                sum += m.anonKb * (1 + RSS_WOBBLE);
            }
        }
        double budget = ANON_BUDGET * ANON_FLOOR * machine.spec().memory().anonKb();
        return sum <= 0 ? 1 : Math.min(1, budget / sum);
    }

    private static RootDevice rootDevice(Machine machine) {
        String device = null;
        for (MountEntry e : machine.spec().mounts()) {
            if ("/".equals(e.mountPoint())) {
                device = e.device();
            }
        }
        if (device != null && device.startsWith("/dev/")) {
            String name = device.substring(5);
            for (BlockDevice d : machine.spec().disks()) {
                for (Partition p : d.partitions()) {
                    if (p.name().equals(name)) {
                        return new RootDevice(name, d.major(), p.minor(), d.minor());
                    }
                }
                if (d.name().equals(name)) {
                    return new RootDevice(name, d.major(), d.minor(), d.minor());
                }
            }
        }
        return new RootDevice("sda1", 8, 1, 0);
    }
}
