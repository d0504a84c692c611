package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process table at one instant (leaders in ascending pid order, lookup of any pid or tid, the scheduler's
 * counts), building a process's full record on first lookup and safe to share between threads.
 */
public final class ProcessSnapshot {
    private final ProcessTable table;
    private final long uptimeNanos;
    private final Member[] leaders;
    private final int[] pids;
    private final int permanentAlive;
    private final Map<Integer, Member> churnByPid;
    private final Map<Integer, TaskState> picked;
    private final Map<Integer, Integer> runningCpu;
    private final int threads;
    private final int running;
    private final int blocked;
    private final int lastPid;
    private final long forks;
    final Overlay.View overlay;
    private final Map<Integer, SimProcess> built = new ConcurrentHashMap<>();
    private volatile long busyNow = -1;

    ProcessSnapshot(ProcessTable table, long uptimeNanos, int permanentAlive, List<Member> churn,
            Overlay.View overlay) {
        this.table = table;
        this.uptimeNanos = uptimeNanos;
        this.permanentAlive = permanentAlive;
        this.overlay = overlay;
        Member[] all = new Member[permanentAlive + churn.size()];
        for (int i = 0; i < permanentAlive; i++) {
            all[i] = table.permanent(i);
        }
        Map<Integer, Member> byPid = new HashMap<>();
        for (int i = 0; i < churn.size(); i++) {
            all[permanentAlive + i] = churn.get(i);
            byPid.put(churn.get(i).tgid, churn.get(i));
        }
        // Wrapped pids land among the boot ones, so the merged list is sorted once.
        Arrays.sort(all, (a, b) -> Integer.compare(a.tgid, b.tgid));
        this.leaders = all;
        this.pids = new int[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            pids[i] = all[i].tgid;
            n += all[i].threadCount();
        }
        this.churnByPid = byPid;
        this.threads = n;
        StateDraw draw = new StateDraw(table, uptimeNanos, all);
        this.picked = draw.picked();
        this.runningCpu = draw.runningCpu();
        this.running = draw.running();
        this.blocked = draw.blocked();
        this.forks = table.forksAt(uptimeNanos);
        this.lastPid = table.lastPidAt(uptimeNanos);
    }

    /** The simulated uptime this snapshot shows. */
    public long uptimeNanos() {
        return uptimeNanos;
    }

    /** The pids of the live thread-group leaders, ascending: the numbered entries of readdir(/proc). */
    public int[] pids() {
        return pids.clone();
    }

    /** The number of listed thread groups. */
    public int processCount() {
        return pids.length;
    }

    /** The thread group of a pid or of any tid in it, or null when no such task lives now. */
    public SimProcess process(int id) {
        Member m = member(id);
        if (m == null) {
            return null;
        }
        return built.computeIfAbsent(m.tgid, k -> Details.build(table, this, m));
    }

    /** The thread-group id of a pid or tid, or -1 when no such task lives now. */
    public int tgidOf(int id) {
        Member m = member(id);
        return m == null ? -1 : m.tgid;
    }

    /** Whether {@code id} is a thread-group leader, which readdir(/proc) lists. */
    public boolean isLeader(int id) {
        return Arrays.binarySearch(pids, id) >= 0;
    }

    /** Every live thread group, in pid order; builds all records, so prefer {@link #process} for one. */
    public List<SimProcess> processes() {
        List<SimProcess> out = new ArrayList<>(pids.length);
        for (int pid : pids) {
            out.add(process(pid));
        }
        return Collections.unmodifiableList(out);
    }

    /** The pids of the thread groups whose parent is {@code tid}, ascending, as task/TID/children lists them. */
    public List<Integer> children(int tid) {
        List<Integer> out = new ArrayList<>();
        for (Member m : leaders) {
            if (m.ppid == tid) {
                out.add(m.tgid);
            }
        }
        return out;
    }

    /** All threads of all listed groups, zombies included: loadavg's fourth field, nr_threads. */
    public int threads() {
        return threads;
    }

    /** Threads in state R: /proc/stat's procs_running and loadavg's running count. */
    public int running() {
        return running;
    }

    /** Threads in state D: /proc/stat's procs_blocked. */
    public int blocked() {
        return blocked;
    }

    /** The pid allocated last: loadavg's fifth field and kernel.ns_last_pid. */
    public int lastPid() {
        return lastPid;
    }

    /** Forks since boot: /proc/stat's processes line. */
    public long forks() {
        return forks;
    }

    Member member(int id) {
        int index = table.permanentIndexOf(id);
        if (index >= 0 && index < permanentAlive) {
            return table.permanent(index);
        }
        return churnByPid.get(id);
    }

    /** The state the draw gave a thread, or null when it keeps its own. */
    TaskState pickedState(int tid) {
        return picked.get(tid);
    }

    /** The CPU a running thread runs on, or -1. */
    int runningCpu(int tid) {
        Integer cpu = runningCpu.get(tid);
        return cpu == null ? -1 : cpu;
    }

    /** The busy ticks of the cpu line now, computed once. */
    long busyNow() {
        long b = busyNow;
        if (b < 0) {
            b = table.busyAt(uptimeNanos);
            busyNow = b;
        }
        return b;
    }

    /** The foreground process group of a terminal: the newest job of its shell still running, else the shell. */
    int foreground(int sid) {
        int fg = -1;
        long newest = Long.MIN_VALUE;
        for (Member m : leaders) {
            if (m.sid == sid && m.ttyNr != 0) {
                if (m.tgid == sid && fg < 0) {
                    fg = m.pgrp;
                } else if (m.role == Member.Role.CHURN && !m.zombieAt(uptimeNanos) && m.startNanos > newest) {
                    newest = m.startNanos;
                    fg = m.pgrp;
                }
            }
        }
        return fg;
    }
}
