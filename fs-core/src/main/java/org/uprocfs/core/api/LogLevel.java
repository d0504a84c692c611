package org.uprocfs.core.api;

/** The eight printk levels, KERN_EMERG (0) to KERN_DEBUG (7). */
public enum LogLevel {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    /** The number printed in front of a kmsg line, e.g. 6 for {@code <6>}. */
    public int number() {
        return ordinal();
    }
}
