package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;

/**
 * Lets go of the stdout and stderr a daemon started straight from the launcher script inherited (a
 * terminal, or a caller's pipes): stderr goes to the daemon's log and stdout to /dev/null, so a caller
 * reading the launcher's output to its end is not held open by the daemon for its whole life.
 */
public final class InheritedStreams {
    /** The libc calls this needs. */
    public interface LibC {
        /** open(2) with a mode; -1 on failure. */
        int open(String path, int flags, int mode);

        /** dup2(2): makes {@code newFd} a copy of {@code oldFd}; -1 on failure. */
        int dup2(int oldFd, int newFd);

        /** close(2). */
        int close(int fd);
    }

    // Linux's values on x86-64 and arm64 alike.
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_APPEND = 02000;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static volatile LibC libc;

    private InheritedStreams() {
    }

    /** Binds libc; cheap once jnr has bound libfuse, so the daemon does it while it waits for the warm-up. */
    public static void bind() {
        if (libc == null) {
            libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
        }
    }

    /** Points stderr at {@code log} (appending, created 0600 if missing). */
    public static void stderrTo(Path log) throws IOException {
        bind();
        int fd = libc.open(log.toString(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd < 0) {
            throw new IOException("the daemon log " + log + " cannot be opened");
        }
        replace(fd, STDERR, log.toString());
    }

    /** Points stdout at /dev/null; anything written there later is dropped, as a daemon's stdout should be. */
    public static void stdoutToNull() throws IOException {
        bind();
        int fd = libc.open("/dev/null", O_WRONLY, 0);
        if (fd < 0) {
            throw new IOException("/dev/null cannot be opened");
        }
        replace(fd, STDOUT, "/dev/null");
    }

    private static void replace(int fd, int target, String what) throws IOException {
        int result = libc.dup2(fd, target);
        libc.close(fd);
        if (result < 0) {
            throw new IOException("fd " + target + " cannot be pointed at " + what);
        }
    }
}
