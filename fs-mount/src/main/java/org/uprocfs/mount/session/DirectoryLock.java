package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive claim of this daemon on a directory: a lock on a file in it, held while the daemon lives
 * and dropped by the kernel when it dies, so a killed daemon never leaves a stale claim behind.
 */
final class DirectoryLock {
    // Held for the daemon's whole life: a lock whose channel is collected would be released with it.
    private static final Map<Path, DirectoryLock> HELD = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Claims {@code file} for this daemon; false when another process holds it. */
    static boolean claim(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) {
            return false;
        }
        Files.createDirectories(key.getParent());
        FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            channel.close();
            if (e instanceof IOException io) {
                throw io;
            }
            return false;
        }
        if (lock == null) {
            channel.close();
            return false;
        }
        HELD.put(key, new DirectoryLock(channel, lock));
        return true;
    }

    /** Lets a claim go. */
    static void release(Path file) {
        DirectoryLock held = HELD.remove(file.toAbsolutePath().normalize());
        if (held != null) {
            try {
                held.lock.release();
                held.channel.close();
            } catch (IOException ignored) {
                // Closing the channel releases the lock in any case.
            }
        }
    }
}
