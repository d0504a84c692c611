package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.MemorySnapshot;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.hardware.sim.TaskSnapshot;

/**
 * One run of a profile's process table over a running clock, sampled 100 times from boot to two hours,
 * kept as compact rows so each property test reads the same samples without rebuilding them. Identities
 * checked inside one record (memory sums, fd order) are collected as problems while sampling.
 * The test class keeps one run per profile for its lifetime.
 */
final class TableSamples {
    static final String DESKTOP = ProfileLoader.DEFAULT_RESOURCE;
    static final String SERVER = "/org/uprocfs/providers/hardware/profiles/server-64.json";
    static final String BOARD = "/org/uprocfs/providers/hardware/profiles/board-1.json";
    static final long SEED = 42;
    static final int SAMPLES = 100;
    /** Two hours over 99 steps, offset so samples do not fall on whole seconds. */
    static final long STEP_NANOS = 2 * 3600_000_000_000L / (SAMPLES - 1);
    static final long OFFSET_NANOS = 370_000_000L;

    /** One thread group at one sample. */
    record Row(int tgid, int ppid, long startTicks, boolean kernel, boolean zombie, boolean noArgv, boolean noMemory,
            boolean noExe, long flags, int uid, TaskState state, int[] tids, TaskState[] states, long cpuTicks,
            long[] counters, long rssAnonKb, long rssShmemKb, int exitCode) {
    }

    /** Everything one sample shows. */
    record Sample(long uptimeNanos, TaskSnapshot tasks, long busyTicks, MemorySnapshot memory, int pidMax,
            int[] pids, List<Row> rows, Map<Integer, Integer> tidToTgid) {
    }

    final Simulation sim;
    final List<Sample> samples = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    TableSamples(String resource) {
        sim = new Simulation(ProfileLoader.loadResource(resource), SEED);
        for (int i = 0; i < SAMPLES; i++) {
            long t = i * STEP_NANOS + OFFSET_NANOS;
            samples.add(sample(t));
        }
    }

    private Sample sample(long t) {
        ProcessSnapshot snap = sim.processes().at(t);
        List<Row> rows = new ArrayList<>();
        Map<Integer, Integer> tidToTgid = new HashMap<>();
        Set<Long> socketInodes = new HashSet<>();
        for (SimProcess p : snap.processes()) {
            int n = p.numThreads();
            int[] tids = new int[n];
            TaskState[] states = new TaskState[n];
            List<Long> counters = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                SimThread th = p.threads().get(k);
                tids[k] = th.tid();
                states[k] = th.state();
                tidToTgid.put(th.tid(), p.tgid());
                counters.addAll(List.of(th.utimeTicks(), th.stimeTicks(), th.minflt(), th.majflt(), th.voluntaryCtxt(),
                        th.nonvoluntaryCtxt(), th.runNanos(), th.waitNanos(), th.timeslices(), th.io().rchar(),
                        th.io().wchar(), th.io().syscr(), th.io().syscw(), th.io().readBytes(), th.io().writeBytes()));
            }
            counters.addAll(List.of(p.cutimeTicks(), p.cstimeTicks(), p.cminflt(), p.cmajflt()));
            ProcessMemory mem = p.memory();
            if (mem != null) {
                checkMemory(t, p, mem);
            }
            checkFds(t, p, socketInodes);
            rows.add(new Row(p.tgid(), p.ppid(), p.startTicks(), p.kernelThread(), p.zombie(), p.argv().isEmpty(),
                    mem == null, p.exe() == null, p.flags(), p.credentials().euid(), p.state(), tids, states,
                    p.utimeTicks() + p.stimeTicks(), counters.stream().mapToLong(Long::longValue).toArray(),
                    mem == null ? 0 : mem.rssAnonKb(), mem == null ? 0 : mem.rssShmemKb(), p.exitCode()));
        }
        return new Sample(t, sim.tasks(t), sim.busyTicks(t), sim.memory(t), sim.processes().pidMax(), snap.pids(),
                rows, tidToTgid);
    }

    private void checkMemory(long t, SimProcess p, ProcessMemory m) {
        String at = "t=" + t + " pid " + p.tgid() + " (" + p.comm() + "): ";
        long size = 0;
        long rss = 0;
        long stack = 0;
        long previousEnd = 0;
        for (Vma v : m.vmas()) {
            if (Long.compareUnsigned(v.start(), previousEnd) < 0) {
                problems.add(at + "VMAs overlap or are unsorted at " + Long.toHexString(v.start()));
            }
            previousEnd = v.end();
            if (v.gate()) {
                continue;
            }
            size += v.sizeKb();
            rss += v.rssKb();
            stack += v.stack() ? v.sizeKb() : 0;
        }
        expect(at + "VmSize = sum of VMA sizes", size, m.vmSizeKb());
        expect(at + "VmRSS = sum of VMA Rss", rss, m.vmRssKb());
        expect(at + "VmRSS = RssAnon+RssFile+RssShmem", m.rssAnonKb() + m.rssFileKb() + m.rssShmemKb(), m.vmRssKb());
        expect(at + "VmStk = the stack VMA", stack, m.vmStkKb());
        long text = (((m.layout().endCode() + 0xfff) & ~0xfffL) - m.layout().startCode()) >> 10;
        expect(at + "VmExe = the code range", text, m.vmExeKb());
        if (m.vmHwmKb() < m.vmRssKb() || m.vmPeakKb() < m.vmSizeKb()) {
            problems.add(at + "high-water marks below current values");
        }
        MemoryLayout l = m.layout();
        if (!(l.startCode() < l.endCode() && l.startData() < l.endData() && l.startBrk() <= l.brk()
                && l.startStack() < l.argStart() && l.argStart() < l.argEnd() && l.argEnd() <= l.envStart()
                && l.envStart() <= l.envEnd())) {
            problems.add(at + "layout addresses out of order: " + l);
        }
    }

    private void checkFds(long t, SimProcess p, Set<Long> socketInodes) {
        int previous = -1;
        Set<Long> own = new HashSet<>();
        for (FileDescriptor fd : p.fds()) {
            if (fd.fd() <= previous) {
                problems.add("t=" + t + " pid " + p.tgid() + ": fds not ascending at " + fd.fd());
            }
            previous = fd.fd();
            if (fd.target().startsWith("socket:[") && !fd.target().equals("socket:[" + fd.inode() + "]")) {
                problems.add("t=" + t + " pid " + p.tgid() + ": socket target " + fd.target() + " names another inode");
            }
            // The same socket may sit on several fds of one process (stdout and stderr); never in two processes.
            if (fd.target().startsWith("socket:[") && own.add(fd.inode()) && !socketInodes.add(fd.inode())) {
                problems.add("t=" + t + " pid " + p.tgid() + ": socket inode " + fd.inode() + " used by two processes");
            }
        }
    }

    private void expect(String what, long expected, long actual) {
        if (expected != actual) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
