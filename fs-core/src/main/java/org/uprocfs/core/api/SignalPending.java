package org.uprocfs.core.api;

import java.util.function.BooleanSupplier;

/**
 * Whether the caller of the request this thread serves has been interrupted (a signal, Ctrl-C, SIGKILL),
 * as the kernel's {@code signal_pending(current)} tells a blocking handler to give up with EINTR. The
 * mount layer installs the probe (libfuse's {@code fuse_interrupted()}); without one nothing is pending.
 */
public final class SignalPending {
    private static volatile BooleanSupplier probe = () -> false;

    private SignalPending() {
    }

    /** Whether the current request's caller is being interrupted; a blocking read then answers EINTR. */
    public static boolean current() {
        return probe.getAsBoolean();
    }

    /** Installs the mount layer's probe for the thread that serves a request. */
    public static void install(BooleanSupplier interrupted) {
        probe = interrupted;
    }
}
