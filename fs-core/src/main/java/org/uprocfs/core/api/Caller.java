package org.uprocfs.core.api;

/**
 * The thread that made a syscall: user and group as FUSE reports them, its thread id, and the id of
 * its thread group (the process id that {@code getpid()} returns and {@code /proc/self} names).
 */
public record Caller(int uid, int gid, int pid, int tid) {

    /** The superuser, used by the daemon itself and by in-process tests. */
    public static final Caller ROOT = new Caller(0, 0, 0, 0);

    /** A single-threaded caller, whose thread id is its process id. */
    public Caller(int uid, int gid, int pid) {
        this(uid, gid, pid, pid);
    }

    /** Whether the caller has the privileges of root (uid 0), as capable(CAP_SYS_ADMIN) is approximated here. */
    public boolean isRoot() {
        return uid == 0;
    }
}
