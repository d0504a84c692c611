package org.uprocfs.mount.fuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.uprocfs.core.api.Caller;

/**
 * Completes a FUSE caller from the host's {@code /proc/TID/status}: FUSE reports the calling thread
 * ({@code fuse_context.pid} is the TID) and its fs ids, while {@code self} names the process and the
 * group bits of a mode also admit the caller's supplementary groups.
 */
final class ThreadGroups {
    private final Path hostProc;

    ThreadGroups(Path hostProc) {
        this.hostProc = hostProc;
    }

    /** The caller of one request; the tid as its own group and no supplementary groups once the thread is gone. */
    Caller callerOf(int uid, int gid, int tid) {
        if (tid <= 0) {
            return new Caller(uid, gid, tid, tid);
        }
        try {
            String status = Files.readString(hostProc.resolve(Integer.toString(tid)).resolve("status"),
                    StandardCharsets.UTF_8);
            String tgid = field(status, "Tgid");
            return new Caller(uid, gid, tgid == null ? tid : Integer.parseInt(tgid), tid, groups(field(status, "Groups")));
        } catch (IOException | NumberFormatException | SecurityException gone) {
            // The thread exited between its request and this look: it is its own group for this answer.
            return new Caller(uid, gid, tid, tid);
        }
    }

    private static String field(String status, String key) {
        int at = status.indexOf("\n" + key + ":");
        if (at < 0) {
            return null;
        }
        int start = at + key.length() + 2;
        int end = status.indexOf('\n', start);
        return status.substring(start, end < 0 ? status.length() : end).trim();
    }

    private static List<Integer> groups(String text) {
        List<Integer> groups = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String group : text.split("\\s+")) {
                groups.add((int) Long.parseLong(group));
            }
        }
        return groups;
    }
}
