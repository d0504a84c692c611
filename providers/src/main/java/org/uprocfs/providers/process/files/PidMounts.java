package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.MountEntry;

/**
 * {@code mounts}, {@code mountinfo} and {@code mountstats} of a task's mount namespace: {@code show_vfsmnt},
 * {@code show_mountinfo} and {@code show_vfsstat} of fs/proc_namespace.c, with their octal escaping of space,
 * tab, newline and backslash.
 */
public final class PidMounts {
    private static final String SPECIAL = " \t\n\\";

    private PidMounts() {
    }

    /** fstab lines: {@code device mountpoint type options 0 0}. */
    public static void showMounts(SeqBuffer m, List<MountEntry> mounts) {
        for (MountEntry mount : mounts) {
            escaped(m, mount.device()).putc(' ');
            escaped(m, mount.mountPoint()).putc(' ');
            escaped(m, mount.type()).putc(' ').puts(mount.options()).puts(" 0 0\n");
        }
    }

    /** {@code ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [TAGS] - TYPE SOURCE SUPEROPTS}. */
    public static void showMountinfo(SeqBuffer m, List<MountInfoRow> rows) {
        for (MountInfoRow row : rows) {
            m.putLong(row.id()).putc(' ').putLong(row.parentId()).putc(' ')
                    .putLong(row.major()).putc(':').putLong(row.minor()).putc(' ');
            escaped(m, row.root()).putc(' ');
            escaped(m, row.mountPoint()).putc(' ').puts(row.mountOptions());
            if (!row.optionalFields().isEmpty()) {
                m.putc(' ').puts(row.optionalFields());
            }
            m.puts(" - ");
            escaped(m, row.type()).putc(' ');
            escaped(m, row.source()).putc(' ').puts(row.superOptions()).putc('\n');
        }
    }

    /** {@code device X mounted on Y with fstype Z}; no simulated file system has statistics to add. */
    public static void showMountstats(SeqBuffer m, List<MountEntry> mounts) {
        for (MountEntry mount : mounts) {
            escaped(m.puts("device "), mount.device());
            escaped(m.puts(" mounted on "), mount.mountPoint());
            escaped(m.puts(" with fstype "), mount.type()).putc('\n');
        }
    }

    /** mangle / seq_escape: the special characters as three-digit octal escapes. */
    private static SeqBuffer escaped(SeqBuffer m, String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append((char) ('0' + ((c >> 6) & 7))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                out.append(c);
            }
        }
        return m.puts(out);
    }
}
