package org.uprocfs.mount.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.api.SignalPending;
import org.uprocfs.mount.fuse.ProcFuseAdapter;

/**
 * One live mount: libfuse's loop on its own thread, readiness taken from the FUSE_INIT callback,
 * and an unmount that waits until the loop has ended.
 */
public final class MountSession implements AutoCloseable {

    private final ProcFs fs;
    private final Path mountPoint;
    private final Thread loop;
    private final UnmountWatcher watcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MountSession(ProcFs fs, Path mountPoint, Thread loop, UnmountWatcher watcher) {
        this.fs = fs;
        this.mountPoint = mountPoint;
        this.loop = loop;
        this.watcher = watcher;
    }

    /** Mounts and returns once the kernel has initialised the connection; a failure throws {@link MountProblem}. */
    public static MountSession mount(ProcFs fs, Path mountPoint, MountOptions options, Duration readyTimeout) {
        Path absolute = mountPoint.toAbsolutePath().normalize();
        Preflight.check(absolute);
        ProcFuseAdapter adapter;
        LibFuseSession lib;
        try {
            adapter = new ProcFuseAdapter(fs);
            lib = FuseMain.load();
            LibFuseSession interrupts = lib;
            SignalPending.install(() -> interrupts.fuse_interrupted() != 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new MountProblem("libfuse2 could not be loaded (" + e.getMessage()
                    + "): run 'apt-get install -y libfuse2 fuse' as root.", Preflight.EXIT_ENVIRONMENT);
        }
        CompletableFuture<UnmountWatcher> watcher = options.autoUnmount()
                ? UnmountWatcher.startBeside(absolute) : CompletableFuture.completedFuture(null);
        try {
            return serve(fs, absolute, adapter, lib, options.fuseArguments(), readyTimeout, watcher);
        } catch (MountProblem problem) {
            watcher.thenAccept(started -> {
                if (started != null) {
                    started.close();
                }
            });
            throw problem;
        }
    }

    private static MountSession serve(ProcFs fs, Path absolute, ProcFuseAdapter adapter, LibFuseSession lib,
            List<String> arguments, Duration readyTimeout, CompletableFuture<UnmountWatcher> watcherStart) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                FuseMain.run(lib, adapter.operations(), absolute, arguments);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fuse-loop");
        loop.setDaemon(false);
        loop.start();
        try {
            long deadline = System.nanoTime() + readyTimeout.toNanos();
            while (!adapter.initialised().await(20, TimeUnit.MILLISECONDS)) {
                if (!loop.isAlive()) {
                    Throwable cause = failure.get();
                    throw new MountProblem("Mounting on " + absolute + " failed"
                            + (cause == null ? "" : ": " + cause.getMessage()) + ".", Preflight.EXIT_ENVIRONMENT);
                }
                if (System.nanoTime() > deadline) {
                    FuseCommands.unmount(absolute, true);
                    throw new MountProblem("Mounting on " + absolute + " did not become ready within "
                            + readyTimeout.toMillis() + " ms.", Preflight.EXIT_ENVIRONMENT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MountProblem("Interrupted while mounting on " + absolute + ".", Preflight.EXIT_ENVIRONMENT);
        }
        UnmountWatcher watcher;
        try {
            watcher = watcherStart.join();
        } catch (java.util.concurrent.CompletionException e) {
            FuseCommands.unmount(absolute, true);
            throw new MountProblem("The unmount watcher for " + absolute + " could not be started: "
                    + e.getCause().getMessage() + ".", Preflight.EXIT_ENVIRONMENT);
        }
        log().info("mounted uprocfs on {}", absolute);
        return new MountSession(fs, absolute, loop, watcher);
    }

    /**
     * Loads libfuse2 and has jnr-fuse generate its callback classes (about 0.2 s the first time in a JVM),
     * so a mount that follows skips that work. Meant to run on another thread while modules load;
     * failures are left for the real mount to report.
     */
    public static void warmUp() {
        try {
            new ProcFuseAdapter(null);
        } catch (Throwable ignored) {
            // No libfuse2, or no native access: mount() says so in a plain sentence.
        }
    }

    /** The rest of the warm-up, which can run beside {@link #warmUp()}: the session binding and libc's. */
    public static void warmUpBindings() {
        try {
            FuseMain.load();
            InheritedStreams.bind();
        } catch (Throwable ignored) {
            // As above.
        }
    }

    /** Looked up when first used, so the warm-up that runs beside the command-line parse starts no logging. */
    private static Logger log() {
        return LoggerFactory.getLogger(MountSession.class);
    }

    /** The absolute mount point. */
    public Path mountPoint() {
        return mountPoint;
    }

    /** The file system served. */
    public ProcFs fs() {
        return fs;
    }

    /** Whether libfuse's loop is still running. */
    public boolean isMounted() {
        return loop.isAlive();
    }

    /** Blocks until the mount ends (unmounted from outside, or a signal). */
    public void awaitUnmount() throws InterruptedException {
        loop.join();
    }

    /** Unmounts with {@code fusermount -u} and waits for the loop to end; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        fs.kernelLog().close();
        if (loop.isAlive()) {
            FuseCommands.Outcome outcome = FuseCommands.unmount(mountPoint, false);
            if (!outcome.succeeded()) {
                log().warn("fusermount -u {} failed ({}); detaching lazily", mountPoint, outcome.output());
                FuseCommands.unmount(mountPoint, true);
            }
        }
        try {
            loop.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
        fs.shutdown();
        log().info("unmounted uprocfs from {}", mountPoint);
    }
}
