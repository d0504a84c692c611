package org.uprocfs.mount.fuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps a caller's thread id to its thread group id through the host's {@code /proc/TID/status}: FUSE
 * reports the calling thread ({@code fuse_context.pid} is the TID), while {@code self} names the process.
 */
final class ThreadGroups {
    private final Path hostProc;

    ThreadGroups(Path hostProc) {
        this.hostProc = hostProc;
    }

    /** The thread group of {@code tid}; the tid itself when the host no longer knows the thread. */
    int groupOf(int tid) {
        if (tid <= 0) {
            return tid;
        }
        try {
            String status = Files.readString(hostProc.resolve(Integer.toString(tid)).resolve("status"),
                    StandardCharsets.UTF_8);
            int at = status.indexOf("\nTgid:");
            if (at < 0) {
                return tid;
            }
            int start = at + "\nTgid:".length();
            int end = status.indexOf('\n', start);
            return Integer.parseInt(status.substring(start, end < 0 ? status.length() : end).trim());
        } catch (IOException | NumberFormatException | SecurityException gone) {
            // The thread exited between its request and this look: it is its own group for this answer.
            return tid;
        }
    }
}
