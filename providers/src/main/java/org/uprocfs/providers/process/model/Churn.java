package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * The short-lived processes that come and go after boot at the profile's forksPerSec: fork {@code k} happens
 * at a seeded moment inside its own 1/rate slot, takes the next free pid (wrapping at pid_max back to
 * RESERVED_PIDS and skipping pids the boot processes hold, as alloc_pid does), lives a seeded time and now
 * and then lingers as a zombie until its parent reaps it.
 */
final class Churn {
    /** The first pid alloc_pid hands out after wrapping (RESERVED_PIDS). */
    static final int RESERVED_PIDS = 300;
    /** One exit in this many leaves a zombie for a moment. */
    static final double ZOMBIE_RATE = 0.08;
    static final double MAX_ZOMBIE_SECONDS = 3.0;

    enum Parent { SHELL, CRON, POSTGRES, INIT }

    /** One kind of short-lived command: what it runs, who starts it, how long it lives, what it uses. */
    record Kind(String comm, List<String> argv, String exe, Parent parent, double minLife, double maxLife,
            boolean usesCpu, long anonKb, long fileKb, double weight, String wchan) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("sleep", List.of("sleep", "%life"), "/usr/bin/sleep", Parent.SHELL, 1, 30, false, 100, 900, 0.4,
                    "hrtimer_nanosleep"),
            new Kind("grep", List.of("grep", "-rn", "TODO", "src"), "/usr/bin/grep", Parent.SHELL, 0.05, 1.5, true,
                    700, 1500, 1.0, "0"),
            new Kind("cc1", List.of("/usr/libexec/gcc/x86_64-linux-gnu/13/cc1", "-quiet", "-imultiarch",
                    "x86_64-linux-gnu", "main.c", "-quiet", "-dumpbase", "main.c", "-O2", "-o", "/tmp/ccQ2fVxw.s"),
                    "/usr/libexec/gcc/x86_64-linux-gnu/13/cc1", Parent.SHELL, 0.3, 3, true, 9000, 12000, 1.5, "0"),
            new Kind("git", List.of("git", "status", "--porcelain"), "/usr/bin/git", Parent.SHELL, 0.05, 0.8, true,
                    1500, 3000, 1.0, "0"),
            new Kind("ls", List.of("ls", "--color=auto", "-la"), "/usr/bin/ls", Parent.SHELL, 0.01, 0.2, true, 300,
                    1200, 0.8, "0"),
            new Kind("cat", List.of("cat", "/proc/loadavg"), "/usr/bin/cat", Parent.SHELL, 0.01, 0.1, true, 150, 900,
                    0.6, "0"),
            new Kind("sh", List.of("/bin/sh", "-c", "command -v debian-sa1 > /dev/null && debian-sa1 1 1"),
                    "/usr/bin/dash", Parent.CRON, 0.05, 1.0, true, 200, 700, 0.6, "do_wait"),
            new Kind("postgres", List.of("postgres: app appdb 10.0.0.5(%port) idle"),
                    "/usr/lib/postgresql/16/bin/postgres",
                    Parent.POSTGRES, 0.2, 3, true, 3000, 8000, 3.0, "do_epoll_wait"),
            new Kind("systemctl", List.of("/usr/bin/systemctl", "show", "--property=ActiveState", "ssh.service"),
                    "/usr/bin/systemctl", Parent.INIT, 0.05, 0.5, true, 900, 2500, 0.2, "do_epoll_wait"));

    /** Every kind lives at most this long, and one that uses CPU at most this long. */
    static final double MAX_LIFE = 30;
    static final double MAX_CPU_LIFE = 3;
    /** How long after its birth a fork can still be listed: its life and its time as a zombie. */
    static final long MAX_SPAN_NANOS = (long) ((MAX_LIFE + MAX_ZOMBIE_SECONDS) * 1e9) + 1;

    /** The anonymous memory the live short-lived processes can hold at once, before scaling. */
    record Reserve(double anonKb) {
        /** At most rate x life + 2 forks of a kind fall in any window of that life, since each has its own slot. */
        static Reserve of(double rate) {
            double kb = 0;
            for (Kind k : KINDS) {
                kb += (rate * k.maxLife() + 2) * k.anonKb() * (1 + Population.RSS_WOBBLE);
            }
            return new Reserve(kb);
        }
    }

    private final long seed;
    private final double rate;
    private final int bootForks;
    private final int pidMax;
    private final int[] freePids;
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Member> parents = new ArrayList<>();
    private final double weightSum;
    private final double cpuShare;
    private final double memScale;

    Churn(long seed, double rate, int bootForks, int pidMax, Population population) {
        this.seed = seed;
        this.rate = rate;
        this.bootForks = bootForks;
        this.pidMax = pidMax;
        this.memScale = population.memScale;
        boolean[] taken = new boolean[pidMax];
        for (Member m : population.members) {
            for (int tid : m.tids) {
                taken[tid] = true;
            }
        }
        int[] free = new int[pidMax];
        int n = 0;
        for (int pid = RESERVED_PIDS; pid < pidMax; pid++) {
            if (!taken[pid]) {
                free[n++] = pid;
            }
        }
        this.freePids = Arrays.copyOf(free, n);
        double sum = 0;
        for (Kind k : KINDS) {
            Member parent = parentFor(k.parent(), population.members);
            if (parent != null) {
                kinds.add(k);
                parents.add(parent);
                sum += k.weight();
            }
        }
        this.weightSum = sum;
        // The CPU-using forks alive at once are at most rate x MAX_CPU_LIFE + 2, so their shares stay in the pool.
        this.cpuShare = Math.min(population.threadShareCap, Population.CHURN_POOL / (rate * MAX_CPU_LIFE + 2));
    }

    /** The number of forks since boot at {@code t}. */
    long count(long t) {
        if (rate <= 0 || t < Population.BOOT_NANOS) {
            return 0;
        }
        long k = Math.max(0, (long) Math.floor((t - Population.BOOT_NANOS) / 1e9 * rate) - 1);
        while (birth(k) <= t) {
            k++;
        }
        while (k > 0 && birth(k - 1) > t) {
            k--;
        }
        return k;
    }

    /** When fork {@code k} happens: a seeded point inside its slot, so births are ordered and spaced. */
    long birth(long k) {
        double jitter = Noise.unit(Noise.key(seed, "fork", 0), k);
        return Population.BOOT_NANOS + (long) Math.ceil((k + jitter) * 1e9 / rate);
    }

    /** The pid fork {@code k} gets: the next number after the boot's, then the free numbers round and round. */
    int pid(long k) {
        long seq = (long) bootForks + 1 + k;
        if (seq < pidMax) {
            return (int) seq;
        }
        return freePids[(int) ((seq - pidMax) % freePids.length)];
    }

    /** The forks still listed at {@code t} (running, sleeping or zombie), in fork order. */
    List<Member> live(long t) {
        List<Member> out = new ArrayList<>();
        if (kinds.isEmpty()) {
            return out;
        }
        long hi = count(t);
        long lo = Math.max(0, count(t - MAX_SPAN_NANOS) - 1);
        for (long k = lo; k < hi; k++) {
            long born = birth(k);
            long key = Noise.key(seed, "churn", k);
            int kindIndex = pick(key);
            Kind kind = kinds.get(kindIndex);
            double life = kind.minLife() + (kind.maxLife() - kind.minLife()) * Noise.unit(key, 2);
            long exit = born + (long) (life * 1e9);
            long reap = Noise.unit(key, 3) < ZOMBIE_RATE
                    ? exit + (long) ((0.3 + (MAX_ZOMBIE_SECONDS - 0.3) * Noise.unit(key, 4)) * 1e9) : exit;
            if (born <= t && t < reap) {
                out.add(member(k, key, kind, parents.get(kindIndex), born, exit, reap, life));
            }
        }
        return out;
    }

    private int pick(long key) {
        double u = Noise.unit(key, 1) * weightSum;
        for (int i = 0; i < kinds.size(); i++) {
            u -= kinds.get(i).weight();
            if (u < 0) {
                return i;
            }
        }
        return kinds.size() - 1;
    }

    private Member member(long k, long key, Kind kind, Member parent, long born, long exit, long reap, double life) {
        Member m = new Member();
        m.key = key;
        m.tgid = pid(k);
        m.tids = new int[] {m.tgid};
        m.comm = kind.comm();
        m.threadComms = new String[] {kind.comm()};
        List<String> argv = new ArrayList<>();
        for (String a : kind.argv()) {
            argv.add(a.replace("%life", Long.toString((long) Math.ceil(life)))
                    .replace("%port", Integer.toString(32768 + (int) (Noise.unit(key, 5) * 28000))));
        }
        m.argv = List.copyOf(argv);
        m.exe = kind.exe();
        m.cwd = parent.cwd;
        m.creds = parent.creds;
        m.role = Member.Role.CHURN;
        m.ppid = parent.tgid;
        m.ttyNr = parent.ttyNr;
        m.pgrp = parent.role == Member.Role.SHELL ? m.tgid : parent.pgrp;
        m.sid = parent.sid;
        m.startNanos = born;
        m.exitNanos = exit;
        m.reapNanos = reap;
        // waitpid statuses: a clean exit, exit codes 1 and 2, or killed by SIGTERM.
        int[] codes = {0, 0, 1 << 8, 2 << 8, 15};
        m.exitCode = codes[(int) (Noise.unit(key, 6) * codes.length)];
        m.threadShares = new double[] {kind.usesCpu() ? cpuShare : 0};
        m.userFraction = 0.8;
        m.nice = parent.nice;
        m.cgroup = parent.cgroup;
        m.anonKb = Math.max(32, (long) (kind.anonKb() * memScale));
        m.fileKb = kind.fileKb();
        m.vsizeKb = kind.anonKb() * 3 + kind.fileKb() * 2 + 8000;
        m.environ = parent.role == Member.Role.SHELL ? parent.environ : List.of();
        m.oomScoreAdj = parent.oomScoreAdj;
        m.loginuid = parent.loginuid;
        m.sessionid = parent.sessionid;
        m.umask = parent.umask;
        m.wchan = kind.wchan();
        m.firstInode = 2_000_000L + k * 2;
        m.pipes = parent.role == Member.Role.SHELL || kind.parent() == Parent.CRON ? 0 : 1;
        return m;
    }

    private static Member parentFor(Parent p, List<Member> members) {
        for (Member m : members) {
            boolean fits = switch (p) {
                case SHELL -> m.role == Member.Role.SHELL;
                case CRON -> "cron".equals(m.comm) || "crond".equals(m.comm);
                case POSTGRES -> "postgres".equals(m.comm) && m.ppid == 1;
                case INIT -> m.tgid == 1;
            };
            if (fits) {
                return m;
            }
        }
        return null;
    }
}
