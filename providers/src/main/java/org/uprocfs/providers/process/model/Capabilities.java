package org.uprocfs.providers.process.model;

/** The five capability sets of status' CapInh, CapPrm, CapEff, CapBnd and CapAmb lines, one bit per capability. */
public record Capabilities(long inheritable, long permitted, long effective, long bounding, long ambient) {
    /** All 41 capabilities up to CAP_CHECKPOINT_RESTORE, as a 6.x kernel grants root. */
    public static final long FULL_SET = 0x000001ffffffffffL;

    /** What a root task holds: everything permitted, effective and bounding. */
    public static final Capabilities ROOT = new Capabilities(0, FULL_SET, FULL_SET, FULL_SET, 0);

    /** What an unprivileged task holds: nothing but the inherited bounding set. */
    public static final Capabilities USER = new Capabilities(0, 0, 0, FULL_SET, 0);
}
