package org.uprocfs.providers.process.model;

import java.util.List;

/**
 * One thread group at one instant with everything the per-pid files need, its group counters summed over
 * the threads as /proc/PID/stat adds them up.
 *
 * @param memory the address space, null without an mm (kernel threads and zombies)
 * @param threads the threads, leader first
 * @param exe the executable, null where the kernel answers ENOENT (kernel threads, zombies), as for cwd and root
 * @param ttyNr the controlling terminal as new_encode_dev encodes it (pts/0 is 34816), 0 without one
 * @param tpgid the terminal's foreground process group, -1 without a terminal
 * @param flags the PF_* word of stat field 9 (PF_KTHREAD 0x00200000 for kernel threads)
 * @param policy the scheduling policy (0 OTHER, 1 FIFO, 2 RR, 3 BATCH, 5 IDLE)
 * @param exitCode the waitpid status of a zombie (exit code shifted left by 8, or the signal), 0 otherwise
 * @param exitSignal the signal sent to the parent at exit: 17 (SIGCHLD), 0 for init and kthreadd; threads
 *     other than the leader show -1 in their task/TID/stat
 * @param oomScore the 0..2000 score oom_score prints
 * @param cgroup the cgroup v2 path, e.g. {@code /system.slice/sshd.service}
 * @param umask the file mode creation mask; status omits it for zombies, which have no fs
 * @param loginuid the audit login uid, 4294967295 when unset
 * @param sessionid the audit session id, 4294967295 when unset
 * @param limits the 16 resource limits in RLIMIT order
 * @param cpusAllowed the CPUs the task may run on, ascending
 * @param fdSize the size of the fd table (status FDSize), not the number of open files
 * @param seccomp the seccomp mode (0 off, 2 filter)
 * @param delayBlkioTicks the aggregated block I/O delay of stat field 42
 */
public record SimProcess(int tgid, int ppid, int pgrp, int sid, int ttyNr, int tpgid, String comm,
        List<String> argv, List<String> environ, String exe, String cwd, String root, Credentials credentials,
        Capabilities capabilities, boolean kernelThread, boolean dumpable, long flags, int nice, int policy,
        int rtPriority, long startTicks, ProcessMemory memory, List<SimThread> threads, List<FileDescriptor> fds,
        long cutimeTicks, long cstimeTicks, long cminflt, long cmajflt, int exitCode, int exitSignal,
        int oomScoreAdj, int oomScore, String cgroup, int umask, long loginuid, long sessionid,
        List<ResourceLimit> limits, List<Integer> cpusAllowed, long timerslackNs, Signals signals,
        Namespaces namespaces, int fdSize, boolean noNewPrivs, int seccomp, long delayBlkioTicks) {

    /** PF_KTHREAD: the task is a kernel thread. */
    public static final long PF_KTHREAD = 0x00200000L;
    /** PF_RANDOMIZE: the address space is randomised, set on every ordinary user task. */
    public static final long PF_RANDOMIZE = 0x00400000L;
    /** PF_EXITING: set once the task has begun exiting, as a zombie has. */
    public static final long PF_EXITING = 0x00000004L;
    /** The loginuid and sessionid of a task no login ever set. */
    public static final long AUDIT_UNSET = 4294967295L;
    /** The default_timer_slack_ns every task inherits from init (50 us); real-time tasks have none. */
    public static final long DEFAULT_TIMER_SLACK_NS = 50_000L;

    public SimProcess {
        argv = List.copyOf(argv);
        environ = List.copyOf(environ);
        threads = List.copyOf(threads);
        fds = List.copyOf(fds);
        limits = List.copyOf(limits);
        cpusAllowed = List.copyOf(cpusAllowed);
        if (threads.isEmpty() || threads.get(0).tid() != tgid) {
            throw new IllegalArgumentException("thread group " + tgid + " must list its leader first");
        }
        if (limits.size() != ResourceLimit.COUNT) {
            throw new IllegalArgumentException("need " + ResourceLimit.COUNT + " limits, got " + limits.size());
        }
    }

    /** The group leader, whose state and switch counters /proc/PID shows. */
    public SimThread leader() {
        return threads.get(0);
    }

    /** The leader's state, stat field 3 of /proc/PID. */
    public TaskState state() {
        return leader().state();
    }

    /** Whether the process has exited and waits for its parent to reap it. */
    public boolean zombie() {
        return state() == TaskState.ZOMBIE;
    }

    /** The number of threads, stat field 20 and status' Threads line. */
    public int numThreads() {
        return threads.size();
    }

    /** Whether a scheduling policy is real-time (FIFO, RR) or deadline: such tasks have no timer slack. */
    public static boolean realtime(int policy) {
        return policy == 1 || policy == 2 || policy == 6;
    }

    /** The kernel's task_prio: 20 + nice for normal tasks, -1 - rt_priority for real-time ones. */
    public int priority() {
        return policy == 1 || policy == 2 ? -1 - rtPriority : 20 + nice;
    }

    /** User time of the group: the sum over its threads. */
    public long utimeTicks() {
        long sum = 0;
        for (SimThread t : threads) {
            sum += t.utimeTicks();
        }
        return sum;
    }

    /** System time of the group: the sum over its threads. */
    public long stimeTicks() {
        long sum = 0;
        for (SimThread t : threads) {
            sum += t.stimeTicks();
        }
        return sum;
    }

    /** Minor faults of the group: the sum over its threads. */
    public long minflt() {
        long sum = 0;
        for (SimThread t : threads) {
            sum += t.minflt();
        }
        return sum;
    }

    /** Major faults of the group: the sum over its threads. */
    public long majflt() {
        long sum = 0;
        for (SimThread t : threads) {
            sum += t.majflt();
        }
        return sum;
    }

    /** I/O of the group: the sum over its threads, as /proc/PID/io shows it. */
    public IoCounters io() {
        IoCounters sum = IoCounters.ZERO;
        for (SimThread t : threads) {
            sum = sum.plus(t.io());
        }
        return sum;
    }

    /** The thread with this tid, or null when it is not in this group. */
    public SimThread thread(int tid) {
        for (SimThread t : threads) {
            if (t.tid() == tid) {
                return t;
            }
        }
        return null;
    }
}
