package org.uprocfs.core.api;

import java.util.function.BooleanSupplier;

/**
 * Whether the caller of the request this thread serves has been interrupted (a signal, Ctrl-C, SIGKILL),
 * as the kernel's {@code signal_pending(current)} tells a blocking handler to give up with EINTR. The
 * mount layer installs the probe (libfuse's {@code fuse_interrupted()}); without one nothing is pending.
 */
public final class SignalPending {
    private static volatile BooleanSupplier probe = () -> false;
    private static volatile java.util.function.Supplier<BooleanSupplier> requestProbes = () -> null;

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

    /**
     * A probe for the request this thread serves now that another thread (the handler watchdog) may ask
     * while the request runs, or null where there is none; it must not be asked once the request ended.
     */
    public static BooleanSupplier forThisRequest() {
        return requestProbes.get();
    }

    /** Installs the mount layer's maker of per-request probes. */
    public static void installRequestProbes(java.util.function.Supplier<BooleanSupplier> maker) {
        requestProbes = maker;
    }
}
