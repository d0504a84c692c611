package org.uprocfs.core;

/** The process that made a syscall, as FUSE reports it: user, group and pid. */
public record Caller(int uid, int gid, int pid) {

    /** The superuser, used by the daemon itself and by in-process tests. */
    public static final Caller ROOT = new Caller(0, 0, 0);

    /** Whether the caller has the privileges of root (uid 0), as capable(CAP_SYS_ADMIN) is approximated here. */
    public boolean isRoot() {
        return uid == 0;
    }
}
