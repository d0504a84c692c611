package org.uprocfs.providers.sysctl;

/**
 * Storage a tunable writes through to when its value belongs to another subsystem, as a ctl_table row's
 * {@code .data} may point at {@code utsname()->nodename}; both methods may be called from any thread.
 */
public interface SysctlVariable {

    /** The value now. */
    SysctlValue get();

    /** Replaces the value; the table has validated it. */
    void set(SysctlValue value);
}
