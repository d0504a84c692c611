package org.uprocfs.providers.process.model;

/** The inode numbers of a task's namespaces, as the ns/ links show them ({@code mnt:[4026531841]}). */
public record Namespaces(long cgroup, long ipc, long mnt, long net, long pid, long time, long user, long uts) {
    /** The initial namespaces; proc_alloc_inum hands these fixed numbers out at boot. */
    public static final Namespaces INIT = new Namespaces(4026531835L, 4026531839L, 4026531841L, 4026531840L,
            4026531836L, 4026531834L, 4026531837L, 4026531838L);

    /** The same namespaces with a private mount namespace, as systemd gives services with PrivateTmp. */
    public Namespaces withMnt(long inode) {
        return new Namespaces(cgroup, ipc, inode, net, pid, time, user, uts);
    }
}
