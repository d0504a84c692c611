package org.uprocfs.providers.process.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.process.model.TableSamples.Row;
import org.uprocfs.providers.process.model.TableSamples.Sample;

/**
 * The rules that tie the per-pid files to each other and to /proc/stat, /proc/loadavg and /proc/meminfo,
 * checked at each of 100 samples of a clock running from boot to two hours, for the desktop and the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessTableConsistencyTest {
    /** One sampled run per profile, shared by the tests of this instance; sampling takes a few seconds. */
    private final Map<String, TableSamples> runs = new HashMap<>();

    private TableSamples run(String profile) {
        return runs.computeIfAbsent(profile, TableSamples::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_ppidIsListedProcessOrZero(String profile) {
        for (Sample s : run(profile).samples) {
            Set<Integer> pids = pidSet(s);
            for (Row r : s.rows()) {
                assertTrue(r.ppid() == 0 || pids.contains(r.ppid()),
                        "t=" + s.uptimeNanos() + " pid " + r.tgid() + " has unlisted parent " + r.ppid());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_threadsAppearOnlyUnderTheirGroup(String profile) {
        for (Sample s : run(profile).samples) {
            Set<Integer> pids = pidSet(s);
            Set<Integer> seen = new HashSet<>();
            for (Row r : s.rows()) {
                assertEquals(r.tgid(), r.tids()[0], "leader first in pid " + r.tgid());
                for (int k = 0; k < r.tids().length; k++) {
                    assertTrue(seen.add(r.tids()[k]), "tid " + r.tids()[k] + " in two groups");
                    if (k > 0) {
                        assertFalse(pids.contains(r.tids()[k]), "thread " + r.tids()[k] + " listed as a process");
                    }
                }
            }
            int[] sorted = s.pids().clone();
            Arrays.sort(sorted);
            assertTrue(Arrays.equals(sorted, s.pids()), "pids ascending at t=" + s.uptimeNanos());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_starttimeBelowUptimeAndFixedPerPid(String profile) {
        Map<Integer, Long> firstSeen = new HashMap<>();
        for (Sample s : run(profile).samples) {
            long ticks = s.uptimeNanos() / 10_000_000L;
            for (Row r : s.rows()) {
                assertTrue(r.startTicks() >= 0 && r.startTicks() <= ticks,
                        "pid " + r.tgid() + " starts at " + r.startTicks() + " after uptime " + ticks);
                if (r.kernel() || r.tgid() < 3 || r.ppid() == 1) {
                    // Boot processes never exit, so their pid keeps its start for the whole run.
                    Long before = firstSeen.putIfAbsent(r.tgid(), r.startTicks());
                    assertTrue(before == null || before == r.startTicks(), "pid " + r.tgid() + " start moved");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everyInterval_processCpuGrowthFitsInsideCpuLineGrowth(String profile) {
        List<Sample> samples = run(profile).samples;
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            long lineGrowth = b.busyTicks() - a.busyTicks();
            Map<Long, Row> before = byIdentity(a);
            long sum = 0;
            for (Row r : b.rows()) {
                Row old = before.get(identity(r));
                long growth = r.cpuTicks() - (old == null ? 0 : old.cpuTicks());
                if (old == null && r.startTicks() * 10_000_000L < a.uptimeNanos()) {
                    continue;
                }
                assertTrue(growth <= lineGrowth, "pid " + r.tgid() + " grew " + growth + " > cpu line " + lineGrowth);
                sum += growth;
            }
            assertTrue(sum <= lineGrowth, "all processes grew " + sum + " > cpu line " + lineGrowth + " at t="
                    + b.uptimeNanos());
        }
    }

    /** top and htop sample every one to three seconds; the sum must fit at that rate too, not only per hour. */
    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySecond_allProcessesCpuGrowthFitsInsideCpuLineGrowth(String profile) {
        Simulation sim = new Simulation(ProfileLoader.loadResource(profile), TableSamples.SEED);
        Map<Long, Long> before = null;
        long busyBefore = 0;
        for (int i = 0; i < 60; i++) {
            long t = 3600_000_000_000L + i * 1_000_000_000L;
            Map<Long, Long> now = new HashMap<>();
            for (SimProcess p : sim.processes().at(t).processes()) {
                now.put(((long) p.tgid() << 40) ^ p.startTicks(), p.utimeTicks() + p.stimeTicks());
            }
            long busy = sim.busyTicks(t);
            if (before != null) {
                long sum = 0;
                for (Map.Entry<Long, Long> e : now.entrySet()) {
                    Long old = before.get(e.getKey());
                    sum += old == null ? 0 : e.getValue() - old;
                }
                assertTrue(sum <= busy - busyBefore, "second " + i + ": processes grew " + sum + " > cpu line "
                        + (busy - busyBefore));
            }
            before = now;
            busyBefore = busy;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_statAndLoadavgTotalsEqualTableCounts(String profile) {
        for (Sample s : run(profile).samples) {
            int threads = 0;
            int running = 0;
            int blocked = 0;
            for (Row r : s.rows()) {
                threads += r.tids().length;
                for (TaskState st : r.states()) {
                    running += st == TaskState.RUNNING ? 1 : 0;
                    blocked += st == TaskState.DISK_SLEEP ? 1 : 0;
                }
            }
            String at = "t=" + s.uptimeNanos();
            assertEquals(threads, s.tasks().threads(), at + " loadavg threads");
            assertEquals(running, s.tasks().running(), at + " procs_running");
            assertEquals(blocked, s.tasks().blocked(), at + " procs_blocked");
            assertTrue(running >= 1 || s.uptimeNanos() < 1_000_000_000L, at + " nothing running");
            assertTrue(s.tasks().forks() >= s.tasks().lastPid() || s.tasks().forks() >= s.pidMax(),
                    at + " forks below the last pid");
            int maxPid = 0;
            for (int pid : s.pids()) {
                maxPid = Math.max(maxPid, pid);
            }
            assertTrue(s.tasks().forks() >= s.rows().size(), at + " fewer forks than processes");
            if (s.tasks().forks() < s.pidMax()) {
                assertTrue(maxPid <= s.tasks().lastPid(), at + " pid " + maxPid + " above the last allocated "
                        + s.tasks().lastPid());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_pidsAndTidsBelowPidMax(String profile) {
        for (Sample s : run(profile).samples) {
            for (int tid : s.tidToTgid().keySet()) {
                assertTrue(tid > 0 && tid < s.pidMax(), "tid " + tid + " outside 1.." + s.pidMax());
            }
            assertTrue(s.tasks().lastPid() < s.pidMax());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_residentMemoryFitsInsideMeminfo(String profile) {
        for (Sample s : run(profile).samples) {
            long anon = 0;
            for (Row r : s.rows()) {
                anon += r.rssAnonKb();
                assertTrue(r.rssShmemKb() <= s.memory().shmem(), "pid " + r.tgid() + " maps more shmem than Shmem");
            }
            assertTrue(anon <= s.memory().anon(), "t=" + s.uptimeNanos() + ": RssAnon sums to " + anon
                    + " kB above AnonPages " + s.memory().anon() + " kB");
            assertTrue(anon <= s.memory().total() - s.memory().available(), "RssAnon above MemTotal-MemAvailable");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everyInterval_countersNeverDecreaseForSurvivingPid(String profile) {
        List<Sample> samples = run(profile).samples;
        for (int i = 1; i < samples.size(); i++) {
            Map<Long, Row> before = byIdentity(samples.get(i - 1));
            for (Row r : samples.get(i).rows()) {
                Row old = before.get(identity(r));
                if (old == null) {
                    continue;
                }
                assertEquals(old.counters().length, r.counters().length, "pid " + r.tgid() + " changed threads");
                for (int c = 0; c < r.counters().length; c++) {
                    assertTrue(r.counters()[c] >= old.counters()[c], "pid " + r.tgid() + " (" + r.tgid()
                            + ") counter " + c + " went from " + old.counters()[c] + " to " + r.counters()[c]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_kernelThreadsHaveNoMemoryNoArgvAndPfKthread(String profile) {
        int kthreads = 0;
        for (Sample s : run(profile).samples) {
            for (Row r : s.rows()) {
                if (!r.kernel()) {
                    assertEquals(0, r.flags() & SimProcess.PF_KTHREAD, "user pid " + r.tgid() + " has PF_KTHREAD");
                    continue;
                }
                kthreads++;
                assertTrue(r.noMemory() && r.noArgv() && r.noExe(), "kthread " + r.tgid() + " has an mm or argv");
                assertTrue((r.flags() & SimProcess.PF_KTHREAD) != 0, "kthread " + r.tgid() + " lacks PF_KTHREAD");
                assertEquals(r.tgid() == 2 ? 0 : 2, r.ppid(), "kthread " + r.tgid() + " parent");
                assertEquals(0, r.uid());
                assertTrue(r.state() == TaskState.IDLE || r.state() == TaskState.SLEEPING
                        || r.state() == TaskState.DISK_SLEEP, "kthread " + r.tgid() + " is " + r.state());
            }
        }
        assertTrue(kthreads > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_zombiesHaveStateZNoMemoryAndNoArgv(String profile) {
        for (Sample s : run(profile).samples) {
            for (Row r : s.rows()) {
                if (r.zombie()) {
                    assertEquals(TaskState.ZOMBIE, r.state());
                    assertTrue(r.noMemory() && r.noArgv() && r.noExe(), "zombie " + r.tgid() + " keeps its mm");
                    assertTrue(r.ppid() > 0);
                }
                for (TaskState st : r.states()) {
                    assertTrue(st != TaskState.ZOMBIE || r.zombie());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_memoryAndFdIdentitiesHold(String profile) {
        List<String> problems = run(profile).problems;
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {TableSamples.DESKTOP, TableSamples.SERVER})
    void everySample_nonLeaderTidResolvesToItsGroupButIsNotListed(String profile) {
        TableSamples samples = run(profile);
        Sample s = samples.samples.get(samples.samples.size() - 1);
        ProcessSnapshot snap = samples.sim.processes().at(s.uptimeNanos());
        int checked = 0;
        for (Map.Entry<Integer, Integer> e : s.tidToTgid().entrySet()) {
            if (!e.getKey().equals(e.getValue())) {
                assertFalse(snap.isLeader(e.getKey()));
                assertEquals(e.getValue(), snap.tgidOf(e.getKey()));
                assertEquals(e.getValue(), snap.process(e.getKey()).tgid());
                checked++;
            }
        }
        assertTrue(checked > 10, "only " + checked + " non-leader threads");
        assertNull(snap.process(s.pidMax() - 1 == s.tasks().lastPid() ? 299 : s.pidMax() - 1));
    }

    private static Set<Integer> pidSet(Sample s) {
        Set<Integer> pids = new HashSet<>();
        for (int pid : s.pids()) {
            pids.add(pid);
        }
        return pids;
    }

    /** A process as the kernel tells them apart across time: its pid and its start. */
    private static long identity(Row r) {
        return ((long) r.tgid() << 40) ^ r.startTicks();
    }

    private static Map<Long, Row> byIdentity(Sample s) {
        Map<Long, Row> map = new HashMap<>();
        for (Row r : s.rows()) {
            map.put(identity(r), r);
        }
        return map;
    }
}
