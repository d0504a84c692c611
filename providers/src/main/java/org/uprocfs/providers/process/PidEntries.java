package org.uprocfs.providers.process;

import java.util.List;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.EntryTable;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.OpenCheck;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.WriteHandler;
import org.uprocfs.providers.process.files.CommWriter;
import org.uprocfs.providers.process.files.NumberWrite;
import org.uprocfs.providers.process.files.OomAdjWriter;
import org.uprocfs.providers.process.files.OomScoreAdjWriter;
import org.uprocfs.providers.process.files.PidAuxv;
import org.uprocfs.providers.process.files.PidCgroup;
import org.uprocfs.providers.process.files.PidCmdline;
import org.uprocfs.providers.process.files.PidFiles;
import org.uprocfs.providers.process.files.PidIo;
import org.uprocfs.providers.process.files.PidLimits;
import org.uprocfs.providers.process.files.PidMaps;
import org.uprocfs.providers.process.files.PidMounts;
import org.uprocfs.providers.process.files.PidSched;
import org.uprocfs.providers.process.files.PidStat;
import org.uprocfs.providers.process.files.PidStatm;
import org.uprocfs.providers.process.files.PidStatus;
import org.uprocfs.providers.process.files.PidSyscall;
import org.uprocfs.providers.process.files.PidValues;
import org.uprocfs.providers.process.files.TimerslackWriter;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;

/**
 * The per-pid directories as data, in the kernel's readdir order and with its modes: {@code tgid_base_stuff}
 * for /proc/PID and {@code tid_base_stuff} for /proc/PID/task/TID (fs/proc/base.c). Entries the simulated
 * machine cannot fill meaningfully ({@code mem}, {@code pagemap}, {@code map_files}, {@code numa_maps}) are left
 * out rather than faked.
 */
final class PidEntries {
    /** A file a row shows: from the group, the thread the entry stands for, and whether the caller may see all. */
    @FunctionalInterface
    private interface Show {
        void show(SeqBuffer out, Task task, SimProcess process, SimThread thread, boolean permitted);
    }

    static final EntryTable<Task> TGID = rows(true);
    static final EntryTable<Task> TID = rows(false);

    private PidEntries() {
    }

    private static EntryTable<Task> rows(boolean group) {
        EntryTable.Builder<Task> b = EntryTable.builder();
        if (group) {
            b.dir("task", 0555, TaskDirectories::threads);
        }
        b.dir("fd", 0500, TaskDirectories::fds);
        b.dir("fdinfo", 0555, TaskDirectories::fdinfo);
        b.node("ns", true, (task, o) -> new Node.Dir(0511, o.uid(), o.gid(), TaskDirectories.namespaces(task)));
        // Every simulated task lives in the initial network namespace: its net/ is the machine's.
        b.dir("net", 0555, task -> task.source().network());
        file(b, "environ", 0400, true, (out, t, p, th, ok) -> {
            requireMm(p);
            PidCmdline.showEnviron(out, p);
        });
        file(b, "auxv", 0400, true, (out, t, p, th, ok) -> PidAuxv.show(out, p));
        file(b, "status", 0444, false, (out, t, p, th, ok) -> PidStatus.show(out, p, th, t.source().cpuCount()));
        file(b, "personality", 0400, false, (out, t, p, th, ok) -> {
            requireTraceable(ok, t);
            PidValues.showPersonality(out, 0);
        });
        file(b, "limits", 0444, false, (out, t, p, th, ok) -> PidLimits.show(out, p.limits()));
        b.file("sched", 0644, task -> handlers(task, false, (out, t, p, th, ok) ->
                PidSched.showSched(out, p, th, t.source().uptimeNanos(), t.source().cpuCount()))
                // proc_sched_write: any write clears the task's statistics; the simulation keeps none to clear.
                .withWrite(request -> request.length()));
        b.file("comm", 0644, task -> handlers(task, false, (out, t, p, th, ok) -> PidCmdline.showComm(out, th.comm()))
                .withWrite(commWriter(task)));
        file(b, "syscall", 0400, false, (out, t, p, th, ok) -> {
            requireTraceable(ok, t);
            PidSyscall.showSyscall(out, p, th);
        });
        file(b, "cmdline", 0444, false, (out, t, p, th, ok) -> PidCmdline.showCmdline(out, p));
        file(b, "stat", 0444, false, (out, t, p, th, ok) -> PidStat.show(out, p, th, t.whole(), ok));
        file(b, "statm", 0444, false, (out, t, p, th, ok) -> PidStatm.show(out, p));
        file(b, "maps", 0444, true, (out, t, p, th, ok) -> PidMaps.showMaps(out, p));
        if (!group) {
            file(b, "children", 0444, false, (out, t, p, th, ok) ->
                    PidFiles.showChildren(out, t.source().now().children(th.tid())));
        }
        b.link("cwd", (task, caller) -> TaskDirectories.privateLink(task, caller, SimProcess::cwd));
        b.link("root", (task, caller) -> TaskDirectories.privateLink(task, caller, SimProcess::root));
        b.link("exe", (task, caller) -> TaskDirectories.privateLink(task, caller, SimProcess::exe));
        file(b, "mounts", 0444, false, (out, t, p, th, ok) -> PidMounts.showMounts(out, t.source().mounts()));
        file(b, "mountinfo", 0444, false, (out, t, p, th, ok) -> PidMounts.showMountinfo(out, t.source().mountInfo()));
        if (group) {
            file(b, "mountstats", 0400, false, (out, t, p, th, ok) -> PidMounts.showMountstats(out, t.source().mounts()));
        }
        file(b, "smaps", 0444, true, (out, t, p, th, ok) -> PidMaps.showSmaps(out, p));
        file(b, "smaps_rollup", 0444, true, (out, t, p, th, ok) -> {
            requireMm(p);
            PidMaps.showSmapsRollup(out, p);
        });
        b.dir("attr", 0555, TaskDirectories::attr);
        file(b, "wchan", 0444, false, (out, t, p, th, ok) -> PidValues.showWchan(out, th, ok));
        file(b, "stack", 0400, false, (out, t, p, th, ok) -> {
            // proc_pid_stack: "this interface is restricted to root" (CAP_SYS_ADMIN), the task's owner included.
            if (!out.caller().isRoot()) {
                throw new ProcException(Errno.EACCES, "stack of process " + t.tgid() + " needs CAP_SYS_ADMIN");
            }
            PidSyscall.showStack(out, p, th);
        });
        file(b, "schedstat", 0444, false, (out, t, p, th, ok) -> PidSched.showSchedstat(out, th));
        file(b, "cpuset", 0444, false, (out, t, p, th, ok) -> PidCgroup.showCpuset(out, p));
        file(b, "cgroup", 0444, false, (out, t, p, th, ok) -> PidCgroup.showCgroup(out, p));
        file(b, "oom_score", 0444, false, (out, t, p, th, ok) -> PidValues.showOomScore(out, p));
        b.file("oom_adj", 0644, task -> handlers(task, false, (out, t, p, th, ok) -> PidValues.showOomAdj(out, p))
                .withWrite(request -> {
                    SimProcess p = task.process();
                    // The writer's value is already the scaled oom_score_adj.
                    NumberWrite value = OomAdjWriter.write(request.data(), p.oomScoreAdj(), request.caller().isRoot());
                    task.source().setOomScoreAdj(task.tgid(), (int) value.value());
                    return value.consumed();
                }));
        b.file("oom_score_adj", 0644, task -> handlers(task, false, (out, t, p, th, ok) -> PidValues.showOomScoreAdj(out, p))
                .withWrite(request -> {
                    task.process();
                    // oom_score_adj_min is 0 for every simulated task: lowering below it needs CAP_SYS_RESOURCE.
                    NumberWrite value = OomScoreAdjWriter.write(request.data(), 0, request.caller().isRoot());
                    task.source().setOomScoreAdj(task.tgid(), (int) value.value());
                    return value.consumed();
                }));
        b.file("loginuid", 0644, task -> handlers(task, false, (out, t, p, th, ok) -> PidValues.showLoginuid(out, p))
                .withWrite(request -> {
                    // proc_loginuid_write: only the task itself may set it, and no caller is a simulated task.
                    throw new ProcException(Errno.EPERM, "loginuid of another task");
                }));
        file(b, "sessionid", 0444, false, (out, t, p, th, ok) -> PidValues.showSessionid(out, p));
        file(b, "io", 0400, false, (out, t, p, th, ok) -> {
            // do_io_accounting asks ptrace_may_access when read, not at open.
            if (!ok) {
                throw new ProcException(Errno.EACCES, "io of process " + t.tgid() + " is another user's");
            }
            PidIo.show(out, t.whole() ? p.io() : th.io());
        });
        if (group) {
            b.file("timerslack_ns", 0666, task -> handlers(task, false, (out, t, p, th, ok) -> {
                requireCapSysNice(out.caller(), t);
                PidValues.showTimerslackNs(out, p);
            }).withWrite(timerslackWriter(task)));
        }
        return b.build();
    }

    private static void file(EntryTable.Builder<Task> b, String name, int mode, boolean ptraceAtOpen, Show show) {
        b.file(name, mode, task -> handlers(task, ptraceAtOpen, show));
    }

    /** The handlers of one row bound to a task: the check at open, then a show that finds the task afresh. */
    private static ProcHandlers handlers(Task task, boolean ptraceAtOpen, Show show) {
        ProcHandlers handlers = ProcHandlers.show(out -> {
            SimProcess process = task.process();
            show.show(out, task, process, task.thread(process), Task.mayAccess(out.caller(), process));
        });
        if (!ptraceAtOpen) {
            return handlers;
        }
        OpenCheck check = request -> {
            if (!Task.mayAccess(request.caller(), task.process())) {
                throw new ProcException(Errno.EACCES, "process " + task.tgid() + " is another user's");
            }
        };
        return handlers.withOpenCheck(check);
    }

    /**
     * lock_trace (syscall, personality): without ptrace access the read fails with EPERM; the 0400 mode
     * already keeps other users out at open, so this is the owner who may not trace the task.
     */
    private static void requireTraceable(boolean permitted, Task task) {
        if (!permitted) {
            throw new ProcException(Errno.EPERM, "process " + task.tgid() + " may not be traced by the reader");
        }
    }

    /** environ and smaps_rollup of a task without an mm (kernel thread, zombie) fail with ESRCH, as observed. */
    private static void requireMm(SimProcess process) {
        if (process.memory() == null) {
            throw new ProcException(Errno.ESRCH, "process " + process.tgid() + " has no address space");
        }
    }

    private static WriteHandler commWriter(Task task) {
        return request -> {
            task.process();
            // comm_write lets only the task's own thread group rename it; no real caller is a simulated task, so
            // root stands in for it (a deliberate difference, so scripts can rename simulated tasks).
            String comm = CommWriter.parseText(request.data(), request.caller().isRoot());
            task.source().setComm(task.tid(), comm);
            return request.length();
        };
    }

    /**
     * timerslack_ns_write: the number first (EINVAL, ERANGE), then, since no caller is the task itself,
     * CAP_SYS_NICE (EPERM without; root stands in for it); 0 means the default, real-time tasks keep 0.
     */
    private static WriteHandler timerslackWriter(Task task) {
        return request -> {
            SimProcess p = task.process();
            NumberWrite value = TimerslackWriter.write(request.data(), false, request.caller().isRoot(),
                    SimProcess.DEFAULT_TIMER_SLACK_NS, SimProcess.realtime(p.policy()));
            task.source().setTimerslackNs(task.tgid(), value.value());
            return value.consumed();
        };
    }

    /** timerslack_ns_show of another task than the reader needs CAP_SYS_NICE: EPERM at read, as observed. */
    private static void requireCapSysNice(Caller caller, Task task) {
        if (!caller.isRoot()) {
            throw new ProcException(Errno.EPERM, "timer slack of process " + task.tgid() + " needs CAP_SYS_NICE");
        }
    }

    /** The row names of /proc/PID, for tests. */
    static List<String> groupNames() {
        return TGID.names();
    }
}
