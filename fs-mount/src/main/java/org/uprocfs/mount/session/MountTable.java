package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code /proc/self/mountinfo} to tell whether a directory is a mount point and of which type. */
public final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountTable() {
    }

    /** A mounted file system: its mount point and type (e.g. {@code fuse.uprocfs}). */
    public record Mount(String mountPoint, String type) {
    }

    /** Every mount this process sees. */
    public static List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(MOUNTINFO, StandardCharsets.UTF_8)) {
                String[] fields = line.split(" ");
                int separator = List.of(fields).indexOf("-");
                if (fields.length < 5 || separator < 0 || separator + 1 >= fields.length) {
                    continue;
                }
                mounts.add(new Mount(unescape(fields[4]), fields[separator + 1]));
            }
        } catch (IOException e) {
            // Without a mount table we cannot tell; callers treat that as "not mounted".
            return List.of();
        }
        return mounts;
    }

    /** The mount at exactly this path, if any (the last one wins, as the kernel stacks them). */
    public static Mount at(Path path) {
        String wanted = path.toAbsolutePath().normalize().toString();
        Mount found = null;
        for (Mount mount : mounts()) {
            if (mount.mountPoint().equals(wanted)) {
                found = mount;
            }
        }
        return found;
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
