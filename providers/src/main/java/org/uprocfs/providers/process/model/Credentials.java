package org.uprocfs.providers.process.model;

import java.util.List;

/** A task's user and group ids as status' Uid, Gid and Groups lines show them (real, effective, saved, fs). */
public record Credentials(int uid, int euid, int suid, int fsuid, int gid, int egid, int sgid, int fsgid,
        List<Integer> groups) {

    public Credentials {
        groups = List.copyOf(groups);
    }

    /** Credentials with all four uids and all four gids equal, as a task that never changed ids has them. */
    public static Credentials of(int uid, int gid, List<Integer> groups) {
        return new Credentials(uid, uid, uid, uid, gid, gid, gid, gid, groups);
    }

    /** Root with no supplementary groups. */
    public static final Credentials ROOT = of(0, 0, List.of());
}
