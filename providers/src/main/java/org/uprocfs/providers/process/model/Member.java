package org.uprocfs.providers.process.model;

import java.util.List;

/**
 * The fixed description of one thread group over its whole life: identity, lifetime, CPU share and nominal
 * memory. The population builders fill the fields once; nothing changes them afterwards, and they reach
 * other threads only through final fields of the table or a snapshot.
 */
final class Member {
    /** What kind of task this is; decides signal masks, wait channels and a few defaults, as data. */
    enum Role { KERNEL, INIT, DAEMON, SHELL, WORKER, CHURN }

    int tgid;
    int[] tids;
    String[] threadComms;
    int ppid;
    int pgrp;
    int sid;
    int ttyNr;
    String comm;
    List<String> argv = List.of();
    List<String> environ = List.of();
    String exe;
    String cwd;
    Credentials creds = Credentials.ROOT;
    Role role;
    long startNanos;
    /** When the process exits; Long.MAX_VALUE for one that lives as long as the machine. */
    long exitNanos = Long.MAX_VALUE;
    /** When the parent reaps it; later than exitNanos while it lingers as a zombie. */
    long reapNanos = Long.MAX_VALUE;
    int exitCode;
    double[] threadShares;
    /** The profile's share for the whole group, or -1 when it gave none. */
    double explicitShare = -1;
    int umask = 022;
    double userFraction = 0.7;
    TaskState baseState = TaskState.SLEEPING;
    boolean fixedState;
    int nice;
    int policy;
    int rtPriority;
    String cgroup = "/";
    long anonKb;
    long fileKb;
    long shmemKb;
    long vsizeKb;
    List<String> files = List.of();
    int sockets;
    int pipes;
    /** The first of the inode numbers this group's sockets and pipes use. */
    long firstInode;
    int oomScoreAdj;
    long loginuid = SimProcess.AUDIT_UNSET;
    long sessionid = SimProcess.AUDIT_UNSET;
    /** The CPU a per-CPU kernel thread is bound to, or -1. */
    int cpu = -1;
    boolean dumpable = true;
    String wchan = "do_epoll_wait";
    /** The part of busy time this task's reaped children used, which cutime and cstime report. */
    double childShare;
    long key;
    /** Busy ticks of the cpu line at the start, or -1 when not computed yet. */
    long busyAtStart = -1;
    /** The instant-independent mappings, laid on the first record that needs them. */
    volatile AddressSpace.Skeleton addressSpace;

    boolean kernel() {
        return role == Role.KERNEL;
    }

    boolean aliveAt(long t) {
        return startNanos <= t && t < reapNanos;
    }

    boolean zombieAt(long t) {
        return t >= exitNanos && t < reapNanos;
    }

    int threadCount() {
        return threadComms.length;
    }
}
