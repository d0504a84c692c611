package org.uprocfs.core.api;

/** Behaviour switches an entry can carry beyond its mode. */
public enum EntryFlag {
    /**
     * The mode binds root too, as {@code proc_sys_permission} does for /proc/sys: opening against
     * the mode fails with EACCES for everyone.
     */
    STRICT_MODE,
    /** chmod and chown fail with EPERM, as under /proc/sys. */
    FIXED_ATTRIBUTES
}
