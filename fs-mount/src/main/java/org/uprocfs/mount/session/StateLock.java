package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The claim of one daemon on a {@code --state} directory: an exclusive lock on its {@code .lock} file,
 * held while the daemon lives, so a second daemon cannot rewrite the same files and lose acknowledged
 * writes.
 */
public final class StateLock {
    private static final String LOCK_FILE = ".lock";
    private static volatile Path claimed;

    private StateLock() {
    }

    /** Claims the directory for this daemon; a sentence and the busy exit code when another daemon holds it. */
    public static void claim(Path stateDirectory) {
        Path directory = stateDirectory.toAbsolutePath();
        if (java.nio.file.Files.isDirectory(directory) && !java.nio.file.Files.isWritable(directory)) {
            throw new MountProblem("The state directory " + directory + " is not writable, so no value written "
                    + "to the mount could be kept.", Preflight.EXIT_USAGE);
        }
        try {
            if (!DirectoryLock.claim(directory.resolve(LOCK_FILE))) {
                throw new MountProblem("The state directory " + directory + " is in use by another uprocfs daemon.",
                        Preflight.EXIT_BUSY);
            }
            claimed = directory.resolve(LOCK_FILE);
        } catch (IOException e) {
            throw new MountProblem("The state directory " + directory + " cannot be locked: " + e.getMessage() + ".",
                    Preflight.EXIT_USAGE);
        }
    }

    /** Lets the directory go, at a clean unmount. */
    public static void release() {
        Path lock = claimed;
        claimed = null;
        if (lock != null) {
            DirectoryLock.release(lock);
        }
    }
}
