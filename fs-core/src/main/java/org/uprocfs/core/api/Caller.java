package org.uprocfs.core.api;

import java.util.List;

/**
 * The thread that made a syscall: user and group as FUSE reports them (the fs ids), its thread id, the
 * id of its thread group (the process id that {@code getpid()} returns and {@code /proc/self} names),
 * and its supplementary groups, which the kernel's {@code in_group_p} consults for the group bits.
 */
public record Caller(int uid, int gid, int pid, int tid, List<Integer> groups) {

    /** The superuser, used by the daemon itself and by in-process tests. */
    public static final Caller ROOT = new Caller(0, 0, 0, 0);

    public Caller {
        groups = List.copyOf(groups);
    }

    /** A caller without supplementary groups. */
    public Caller(int uid, int gid, int pid, int tid) {
        this(uid, gid, pid, tid, List.of());
    }

    /** A single-threaded caller without supplementary groups, whose thread id is its process id. */
    public Caller(int uid, int gid, int pid) {
        this(uid, gid, pid, pid);
    }

    /** Whether the caller has the privileges of root (uid 0), as capable(CAP_SYS_ADMIN) is approximated here. */
    public boolean isRoot() {
        return uid == 0;
    }

    /** Whether the caller is in group {@code group}, by its own gid or a supplementary one ({@code in_group_p}). */
    public boolean inGroup(int group) {
        return gid == group || groups.contains(group);
    }
}
