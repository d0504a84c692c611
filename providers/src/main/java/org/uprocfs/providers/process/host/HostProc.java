package org.uprocfs.providers.process.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about real host processes, read from the host's own procfs (the daemon's {@code /proc}). */
public final class HostProc {
    private final Path root;

    public HostProc(Path root) {
        this.root = root;
    }

    /** The host's procfs as the daemon sees it. */
    public static HostProc system() {
        return new HostProc(Path.of("/proc"));
    }

    /** The host directory of a pid or tid. */
    public Path dir(int pid) {
        return root.resolve(Integer.toString(pid));
    }

    /** The fields of {@code /proc/PID/stat} after the comm, or null when the process is gone; field 3 is index 0. */
    public String[] statFields(int pid) {
        try {
            String stat = Files.readString(dir(pid).resolve("stat"), StandardCharsets.UTF_8);
            // The comm may hold spaces and ')': the fields start after the last ')', as every client splits it.
            int close = stat.lastIndexOf(')');
            return close < 0 ? null : stat.substring(close + 2).trim().split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The identity of a live host process, or null when it is gone. */
    public HostIdentity identity(int pid) {
        String[] stat = statFields(pid);
        if (stat == null || stat.length < 20) {
            return null;
        }
        try {
            String status = Files.readString(dir(pid).resolve("status"), StandardCharsets.UTF_8);
            int[] uids = idLine(status, "\nUid:");
            int[] gids = idLine(status, "\nGid:");
            int tgid = idLine(status, "\nTgid:")[0];
            return new HostIdentity(pid, tgid, Integer.parseInt(stat[1]), Integer.parseInt(stat[3]),
                    Long.parseLong(stat[19]), uids, gids);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static int[] idLine(String status, String key) {
        int at = status.indexOf(key);
        int end = status.indexOf('\n', at + 1);
        String[] parts = status.substring(at + key.length(), end < 0 ? status.length() : end).trim().split("\\s+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ids[i] = (int) Long.parseLong(parts[i]);
        }
        return ids;
    }
}
