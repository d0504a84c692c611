package org.uprocfs.core.api;

/**
 * A check at open beyond the mode, like a {@code proc_open} that calls {@code ptrace_may_access}
 * ({@code environ}, {@code maps}): throw {@link org.uprocfs.core.api.ProcException} to refuse the open.
 */
@FunctionalInterface
public interface OpenCheck {

    /** Refuses the open by throwing; returns normally to allow it. */
    void check(OpenRequest request);
}
