package org.uprocfs.providers.process.host;

/**
 * Who a real host process is: its ids, session, start time in ticks since the host's boot, and the
 * real/effective/saved/fs uids and gids of its {@code status}.
 */
public record HostIdentity(int pid, int tgid, int ppid, int session, long startTicks, int[] uids, int[] gids) {

    /** The effective uid, the owner of its /proc directory. */
    public int euid() {
        return uids[1];
    }

    /** The effective gid. */
    public int egid() {
        return gids[1];
    }
}
