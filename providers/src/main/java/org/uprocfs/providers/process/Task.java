package org.uprocfs.providers.process;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.process.model.Credentials;
import org.uprocfs.providers.process.model.ProcessSnapshot;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;

/**
 * What a per-pid inode is bound to, like the kernel's {@code struct pid} in a proc inode: a thread of a
 * simulated thread group, recognised by its start time so a reused pid is not the same task. Every read
 * looks the task up afresh at the current instant and answers ESRCH once it is gone.
 *
 * @param tid the thread the entry shows (the leader for /proc/PID, any thread for /proc/TID)
 * @param whole whether group files sum the thread group (/proc/PID/stat) or show one thread (task/TID/stat)
 */
record Task(SimulatedTasks source, int tgid, int tid, long startTicks, boolean whole) {

    /** The thread group now; ESRCH once it exited or its pid went to another process. */
    SimProcess process() {
        return process(source.now());
    }

    /** The thread group in a given snapshot; ESRCH once it exited or its pid went to another process. */
    SimProcess process(ProcessSnapshot snapshot) {
        SimProcess process = snapshot.process(tgid);
        if (process == null || process.tgid() != tgid || process.startTicks() != startTicks) {
            throw new ProcException(Errno.ESRCH, "process " + tgid + " has exited");
        }
        return process;
    }

    /** The thread this entry shows, in the given process; ESRCH once it exited. */
    SimThread thread(SimProcess process) {
        SimThread thread = process.thread(tid);
        if (thread == null) {
            throw new ProcException(Errno.ESRCH, "thread " + tid + " has exited");
        }
        return thread;
    }

    /** The same group seen through one of its threads, as task/TID is. */
    Task forThread(int threadId) {
        return new Task(source, tgid, threadId, startTicks, false);
    }

    /**
     * {@code ptrace_may_access(PTRACE_MODE_READ_FSCREDS)}: root, or a caller whose uid and gid equal the
     * task's real, effective and saved ones, and the task dumpable. No real caller is a simulated task.
     */
    static boolean mayAccess(Caller caller, SimProcess process) {
        if (caller.isRoot()) {
            return true;
        }
        Credentials c = process.credentials();
        return process.dumpable() && !process.kernelThread()
                && caller.uid() == c.uid() && caller.uid() == c.euid() && caller.uid() == c.suid()
                && caller.gid() == c.gid() && caller.gid() == c.egid() && caller.gid() == c.sgid();
    }
}
