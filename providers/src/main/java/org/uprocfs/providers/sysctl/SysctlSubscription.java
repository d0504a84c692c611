package org.uprocfs.providers.sysctl;

/** A listener registration; closing it stops further calls. */
@FunctionalInterface
public interface SysctlSubscription extends AutoCloseable {

    /** Removes the listener; closing twice is harmless. */
    @Override
    void close();
}
