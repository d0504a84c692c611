package org.uprocfs.providers.sysctl;

/** Told when an acknowledged write changed a row's value, e.g. to apply a new hostname to the machine model. */
@FunctionalInterface
public interface SysctlListener {

    /**
     * Called after the new value is stored (and durable, with a state directory), while writes to the
     * table are held off, so listeners see changes in order; keep it short and do not write sysctls from it.
     */
    void changed(String path, SysctlValue oldValue, SysctlValue newValue);
}
