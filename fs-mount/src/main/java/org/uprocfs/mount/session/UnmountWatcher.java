package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Detaches the mount of a daemon that died without unmounting (a SIGKILL, a crash): a small {@code sh}, in a
 * session of its own, waits for the end of a pipe only the daemon holds, and then detaches the mount point if
 * it is a dead mount. That is what libfuse's {@code auto_unmount} does through fusermount, but fusermount is
 * forked from the whole JVM on the mount path (about 30 ms of {@code uprocfs mount}); this is spawned beside
 * it, and a live mount (another daemon's, after a restart) is left alone.
 */
public final class UnmountWatcher implements AutoCloseable {
    // mountpoint(1) exits 1 where stat fails: for a mount point, "Transport endpoint is not connected".
    private static final String SCRIPT = "while read -r _; do :; done; mountpoint -q \"$1\"; "
            + "[ $? -eq 1 ] && exec fusermount -u -z \"$1\"";
    private final Process process;

    private UnmountWatcher(Process process) {
        this.process = process;
    }

    /** Starts watching; the mount may be made after this (a daemon that dies first leaves nothing to do). */
    public static UnmountWatcher start(Path mountPoint) throws IOException {
        List<String> command = new ArrayList<>();
        if (FuseCommands.onPath("setsid")) {
            // A session of its own: a signal to the daemon's process group does not reach it.
            command.add("setsid");
        }
        command.addAll(List.of("sh", "-c", SCRIPT, "sh", mountPoint.toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new UnmountWatcher(process);
    }

    /**
     * Starts watching on a thread of its own, so the spawn runs beside the kernel mount instead of before
     * it; the future fails if the watcher could not be started.
     */
    public static CompletableFuture<UnmountWatcher> startBeside(Path mountPoint) {
        CompletableFuture<UnmountWatcher> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                started.complete(start(mountPoint));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "unmount-watcher-start");
        starter.setDaemon(true);
        starter.start();
        return started;
    }

    /** The daemon unmounts by itself: the watcher ends without looking at the mount point. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
