package org.uprocfs.providers.process.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;

/** What the table holds and how it moves: shapes of its members, determinism, boot, pid wrap, zombies, overlays. */
class ProcessTableTest {
    private static final long HOUR = 3600_000_000_000L;
    private static final long T = 3 * HOUR + 1_234_567_890L;

    private static Simulation sim(String resource) {
        return new Simulation(ProfileLoader.loadResource(resource), TableSamples.SEED);
    }

    @Test
    void snapshot_sameSeedAndTime_isIdentical() {
        ProcessSnapshot a = sim(TableSamples.DESKTOP).processes().at(T);
        ProcessSnapshot b = sim(TableSamples.DESKTOP).processes().at(T);
        assertTrue(java.util.Arrays.equals(a.pids(), b.pids()));
        assertEquals(a.processes(), b.processes());
        assertEquals(a.threads(), b.threads());
        assertEquals(a.running(), b.running());
    }

    @Test
    void snapshot_otherSeed_differs() {
        ProcessSnapshot a = sim(TableSamples.DESKTOP).processes().at(T);
        ProcessSnapshot b = new Simulation(ProfileLoader.loadDefault(), 7).processes().at(T);
        assertFalse(a.processes().equals(b.processes()));
    }

    @Test
    void at_frozenClock_returnsTheSameSnapshotAndNumbers() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        ProcessSnapshot first = table.at(T);
        assertSame(first, table.at(T));
        SimProcess java = find(first, "java");
        assertSame(java, first.process(java.tgid()));
        table.at(T + 1);
        assertEquals(java, table.at(T).process(java.tgid()));
    }

    @Test
    void desktop_hasInitKthreaddKernelThreadsServicesSessionAndWorkloads() {
        ProcessSnapshot s = sim(TableSamples.DESKTOP).processes().at(T);
        assertTrue(s.processCount() >= 100 && s.processCount() <= 170, s.processCount() + " processes");
        SimProcess init = s.process(1);
        assertEquals("systemd", init.comm());
        assertEquals(List.of("/sbin/init", "splash"), init.argv());
        assertEquals(0, init.ppid());
        SimProcess kthreadd = s.process(2);
        assertEquals("kthreadd", kthreadd.comm());
        assertEquals(0, kthreadd.ppid());
        assertTrue(kthreadd.kernelThread());
        for (String comm : List.of("ksoftirqd/7", "migration/0", "cpuhp/3", "rcu_preempt", "kworker/5:1-events",
                "idle_inject/2", "jbd2/nvme0n1p2-8")) {
            SimProcess k = find(s, comm);
            assertEquals(2, k.ppid(), comm);
            assertNull(k.memory(), comm);
            assertEquals(SimProcess.PF_KTHREAD, k.flags() & SimProcess.PF_KTHREAD, comm);
        }
        assertEquals(List.of(7), find(s, "ksoftirqd/7").cpusAllowed());
        SimProcess rsyslogd = find(s, "rsyslogd");
        assertEquals(104, rsyslogd.credentials().uid());
        assertEquals(4, rsyslogd.numThreads());
        assertEquals("rs:main Q:Reg", rsyslogd.threads().get(3).comm());
        SimProcess java = find(s, "java");
        assertTrue(java.numThreads() >= 20 && java.numThreads() <= 40);
        assertTrue(s.processes().stream().filter(p -> p.comm().equals("postgres")).count() >= 5);
    }

    @Test
    void loginSession_sshdPrivThenUserThenBashOnPts0() {
        ProcessSnapshot s = sim(TableSamples.DESKTOP).processes().at(T);
        SimProcess bash = find(s, "bash");
        assertEquals(34816, bash.ttyNr());
        assertEquals(1000, bash.credentials().uid());
        assertEquals(bash.tgid(), bash.sid());
        assertEquals(bash.tgid(), bash.pgrp());
        assertEquals(1000, bash.loginuid());
        assertEquals("/dev/pts/0", bash.fds().get(0).target());
        SimProcess user = s.process(bash.ppid());
        assertEquals(List.of("sshd: alice@pts/0"), user.argv());
        assertEquals(1000, user.credentials().uid());
        assertFalse(user.dumpable(), "a setuid without exec leaves the privsep child undumpable");
        SimProcess priv = s.process(user.ppid());
        assertEquals(List.of("sshd: alice [priv]"), priv.argv());
        assertEquals(0, priv.credentials().uid());
        assertEquals(1000, priv.loginuid());
        assertEquals("sshd", s.process(priv.ppid()).comm());
        assertEquals(Capabilities.ROOT, priv.capabilities());
        assertEquals(Capabilities.USER, bash.capabilities());
        assertEquals(-1, find(s, "cron").tpgid());
    }

    @Test
    void userProcess_hasStdioLimitsAndRecordsTheFilesNeed() {
        ProcessSnapshot s = sim(TableSamples.DESKTOP).processes().at(T);
        SimProcess journald = find(s, "systemd-journal");
        assertEquals("/dev/null", journald.fds().get(0).target());
        assertTrue(journald.fds().get(1).target().startsWith("socket:["));
        assertEquals(-250, journald.oomScoreAdj());
        assertTrue(journald.environ().contains("SYSTEMD_EXEC_PID=" + journald.tgid()));
        assertEquals(16, journald.limits().size());
        assertEquals(ResourceLimit.UNLIMITED, journald.limits().get(ResourceLimit.CPU).soft());
        assertEquals("/system.slice/systemd-journal.service", journald.cgroup());
        assertEquals(17, journald.exitSignal());
        assertEquals(SimProcess.AUDIT_UNSET, journald.loginuid());
        assertEquals(50_000, journald.timerslackNs());
        assertEquals(8, journald.cpusAllowed().size());
        assertTrue(journald.memory().vmRssKb() > 0);
        assertTrue(journald.oomScore() > 0 && journald.oomScore() < 1000);
        SimProcess udevd = find(s, "systemd-udevd");
        assertEquals(0, udevd.oomScore(), "oom_score_adj -1000 makes a task unkillable");
    }

    @Test
    void server_hasSeveralHundredProcessesAndPidMaxFromCpus() {
        ProcessTable table = sim(TableSamples.SERVER).processes();
        assertEquals(65536, table.pidMax());
        ProcessSnapshot s = table.at(T);
        assertTrue(s.processCount() >= 300 && s.processCount() <= 1000, s.processCount() + " processes");
        assertNotNull(find(s, "ksoftirqd/63"));
    }

    @Test
    void board_hasFewerProcesses() {
        ProcessTable table = sim(TableSamples.BOARD).processes();
        assertEquals(ProcessTable.DEFAULT_PID_MAX, table.pidMax());
        ProcessSnapshot s = table.at(T);
        assertTrue(s.processCount() >= 40 && s.processCount() < 100, s.processCount() + " processes");
        assertEquals(List.of(0), find(s, "systemd-journal").cpusAllowed());
    }

    @Test
    void boot_processesAppearInPidOrderWithinTheFirstSeconds() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        ProcessSnapshot zero = table.at(0);
        assertEquals(1, zero.processCount());
        assertEquals(1, zero.lastPid());
        ProcessSnapshot mid = table.at(Population.BOOT_NANOS / 2);
        assertTrue(mid.processCount() > 50 && mid.processCount() < table.at(Population.BOOT_NANOS).processCount());
        for (int pid : mid.pids()) {
            assertTrue(pid <= mid.lastPid());
        }
        assertEquals(mid.lastPid(), mid.forks());
        for (SimProcess p : table.at(Population.BOOT_NANOS).processes()) {
            assertTrue(p.startTicks() <= Population.BOOT_NANOS / 10_000_000L);
        }
    }

    @Test
    void forks_wrapAtPidMaxBackToReservedPids() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        int lastBefore = 0;
        boolean wrapped = false;
        // 3.2 forks a second fill the 30 666 pids above bootForks in under three hours.
        for (long t = 2 * HOUR + 30 * 60_000_000_000L; t < 3 * HOUR; t += 10_000_000_000L) {
            int last = table.at(t).lastPid();
            assertTrue(last < table.pidMax());
            if (last < lastBefore) {
                wrapped = true;
                assertTrue(last >= Churn.RESERVED_PIDS && last < Churn.RESERVED_PIDS + 200, "wrapped to " + last);
            }
            lastBefore = last;
        }
        assertTrue(wrapped, "no wrap between 2.5 h and 3 h");
        for (SimProcess p : table.at(3 * HOUR).processes()) {
            assertTrue(p.tgid() < table.pidMax());
        }
    }

    @Test
    void zombie_keepsExitCodeAndIsReapedSoon() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        SimProcess zombie = null;
        long seen = 0;
        for (long t = HOUR; t < HOUR + 600_000_000_000L && zombie == null; t += 100_000_000L) {
            ProcessSnapshot s = table.at(t);
            for (int pid : s.pids()) {
                SimProcess p = s.process(pid);
                if (p.zombie()) {
                    zombie = p;
                    seen = t;
                    break;
                }
            }
        }
        assertNotNull(zombie, "no zombie within ten minutes");
        assertEquals(TaskState.ZOMBIE, zombie.state());
        assertNull(zombie.memory());
        assertTrue(zombie.argv().isEmpty());
        assertNull(zombie.exe());
        assertTrue(zombie.fds().isEmpty());
        assertNotNull(table.at(seen).process(zombie.ppid()), "its parent lives");
        SimProcess later = table.at(seen + (long) (Churn.MAX_ZOMBIE_SECONDS * 1e9) + 1).process(zombie.tgid());
        assertTrue(later == null || later.startTicks() != zombie.startTicks(),
                "zombie " + zombie.tgid() + " not reaped");
    }

    @Test
    void shortLivedForks_comeAndGo() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        ProcessSnapshot a = table.at(HOUR);
        ProcessSnapshot b = table.at(HOUR + 60_000_000_000L);
        assertTrue(b.forks() > a.forks());
        assertTrue(b.lastPid() != a.lastPid());
        long churned = a.processes().stream().filter(p -> p.tgid() > 2100).count();
        assertTrue(churned > 0, "no short-lived process at one hour");
    }

    @Test
    void setComm_renamesTheTaskFromThenOn() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        ProcessSnapshot s = table.at(T);
        SimProcess java = find(s, "java");
        int worker = java.threads().get(5).tid();
        assertTrue(table.setComm(T, worker, "renamed"));
        assertTrue(table.setComm(T, java.tgid(), "svc"));
        SimProcess after = table.at(T).process(java.tgid());
        assertEquals("svc", after.comm());
        assertEquals("svc", after.leader().comm());
        assertEquals("renamed", after.thread(worker).comm());
        assertEquals("svc", table.at(T + HOUR).process(java.tgid()).comm());
        assertFalse(table.setComm(T, table.pidMax() - 1, "nobody"));
    }

    @Test
    void setOomScoreAdj_appliesToTheWholeGroupAndMovesOomScore() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        SimProcess java = find(table.at(T), "java");
        int thread = java.threads().get(3).tid();
        assertTrue(table.setOomScoreAdj(T, thread, 500));
        SimProcess after = table.at(T).process(java.tgid());
        assertEquals(500, after.oomScoreAdj());
        assertTrue(after.oomScore() > java.oomScore());
        assertTrue(table.setOomScoreAdj(T, java.tgid(), -1000));
        assertEquals(0, table.at(T).process(java.tgid()).oomScore());
    }

    @Test
    void overlay_doesNotStickToALaterTaskReusingThePid() {
        ProcessTable table = sim(TableSamples.DESKTOP).processes();
        ProcessSnapshot s = table.at(HOUR);
        int pid = s.lastPid();
        SimProcess fork = s.process(pid);
        if (fork == null) {
            return;
        }
        assertTrue(table.setComm(HOUR, pid, "mine"));
        assertEquals("mine", table.at(HOUR).process(pid).comm());
        // A process with the same pid but another start is another task, as after a wrap.
        Overlay.Task other = new Overlay.Task(pid, fork.startTicks() * 10_000_000L + 1);
        Overlay.View view = new Overlay.View(java.util.Map.of(other, "mine"), java.util.Map.of(),
                java.util.Map.of());
        assertEquals("fallback", view.comm(pid, 0, "fallback"));
    }

    private static SimProcess find(ProcessSnapshot s, String comm) {
        for (int pid : s.pids()) {
            SimProcess p = s.process(pid);
            if (p.comm().equals(comm)) {
                return p;
            }
        }
        throw new AssertionError("no " + comm);
    }
}
