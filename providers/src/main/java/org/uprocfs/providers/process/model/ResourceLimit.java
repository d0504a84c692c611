package org.uprocfs.providers.process.model;

import java.util.List;

/** One soft/hard pair of /proc/PID/limits; {@link #UNLIMITED} (-1) stands for RLIM_INFINITY. */
public record ResourceLimit(long soft, long hard) {
    /** RLIM_INFINITY, printed as {@code unlimited}. */
    public static final long UNLIMITED = -1;
    /** The number of limits, RLIM_NLIMITS. */
    public static final int COUNT = 16;

    /** RLIMIT_CPU, the first limit; the others follow in the kernel's RLIMIT order. */
    public static final int CPU = 0;
    public static final int FSIZE = 1;
    public static final int DATA = 2;
    public static final int STACK = 3;
    public static final int CORE = 4;
    public static final int RSS = 5;
    public static final int NPROC = 6;
    public static final int NOFILE = 7;
    public static final int MEMLOCK = 8;
    public static final int AS = 9;
    public static final int LOCKS = 10;
    public static final int SIGPENDING = 11;
    public static final int MSGQUEUE = 12;
    public static final int NICE = 13;
    public static final int RTPRIO = 14;
    public static final int RTTIME = 15;

    /** Whether the soft limit is RLIM_INFINITY. */
    public boolean softUnlimited() {
        return soft == UNLIMITED;
    }

    /** Whether the hard limit is RLIM_INFINITY. */
    public boolean hardUnlimited() {
        return hard == UNLIMITED;
    }

    /**
     * The 16 limits a task inherits from init on a machine with {@code pendingSignals} as RLIMIT_SIGPENDING
     * (the kernel derives it and RLIMIT_NPROC from memory) and the given open-file limits.
     */
    public static List<ResourceLimit> defaults(long pendingSignals, long nofileSoft, long nofileHard) {
        long u = UNLIMITED;
        return List.of(new ResourceLimit(u, u), new ResourceLimit(u, u), new ResourceLimit(u, u),
                new ResourceLimit(8L << 20, u), new ResourceLimit(0, u), new ResourceLimit(u, u),
                new ResourceLimit(pendingSignals, pendingSignals), new ResourceLimit(nofileSoft, nofileHard),
                new ResourceLimit(8L << 20, 8L << 20), new ResourceLimit(u, u), new ResourceLimit(u, u),
                new ResourceLimit(pendingSignals, pendingSignals), new ResourceLimit(819200, 819200),
                new ResourceLimit(0, 0), new ResourceLimit(0, 0), new ResourceLimit(u, u));
    }
}
