package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one daemon on a {@code --state} directory: an exclusive lock on its {@code .lock} file,
 * held while the daemon lives, so a second daemon cannot rewrite the same files and lose acknowledged
 * writes. The kernel drops the lock when the daemon dies, so a killed daemon never leaves it stale.
 */
public final class StateLock {
    private static final String LOCK_FILE = ".lock";
    // Held for the daemon's whole life: a lock whose channel is collected would be released with it.
    private static volatile StateLock held;

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims the directory for this daemon; a sentence and the busy exit code when another daemon holds it. */
    public static void claim(Path stateDirectory) {
        Path directory = stateDirectory.toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new MountProblem("The state directory " + directory + " is in use by another uprocfs daemon.",
                        Preflight.EXIT_BUSY);
            }
            held = new StateLock(channel, lock);
        } catch (OverlappingFileLockException inThisProcess) {
            closeQuietly(channel);
            throw new MountProblem("The state directory " + directory + " is already in use by this daemon.",
                    Preflight.EXIT_BUSY);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MountProblem("The state directory " + directory + " cannot be locked: " + e.getMessage() + ".",
                    Preflight.EXIT_USAGE);
        }
    }

    /** Lets the directory go, at a clean unmount. */
    public static void release() {
        StateLock current = held;
        held = null;
        if (current != null) {
            try {
                current.lock.release();
            } catch (IOException ignored) {
                // The channel's close below releases it too.
            }
            closeQuietly(current.channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to release.
            }
        }
    }
}
