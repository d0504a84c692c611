package org.uprocfs.providers.process.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uprocfs.providers.hardware.model.MountEntry;

/**
 * One mountinfo line's fields ({@code show_mountinfo}, fs/proc_namespace.c): ids, device, root, mount point,
 * per-mount options, optional tagged fields, type, source and the super block's options.
 */
public record MountInfoRow(int id, int parentId, int major, int minor, String root, String mountPoint,
        String mountOptions, String optionalFields, String type, String source, String superOptions) {

    /** The per-mount flags of show_mnt_opts, in its order; everything else belongs to the super block. */
    private static final List<String> MNT_FLAGS = List.of("nosuid", "nodev", "noexec", "noatime", "nodiratime",
            "relatime", "nosymfollow");
    /** The super block flags of show_sb_opts. */
    private static final Set<String> SB_FLAGS = Set.of("sync", "dirsync", "mand", "lazytime");

    /**
     * Rows for the machine's mounts in order: ids from {@code firstId}, each parent the latest earlier mount
     * whose mount point contains this one ({@code rootParentId} for the root), devices from {@code blockDevices}
     * (source to {major, minor}) or else anonymous {@code 0:N} numbers from {@code firstAnonMinor}, and
     * {@code shared:N} peer groups when {@code shared} (systemd makes every mount shared).
     */
    public static List<MountInfoRow> of(List<MountEntry> mounts, int firstId, int rootParentId,
            Map<String, int[]> blockDevices, int firstAnonMinor, boolean shared) {
        List<MountInfoRow> rows = new ArrayList<>(mounts.size());
        int anon = firstAnonMinor;
        for (int i = 0; i < mounts.size(); i++) {
            MountEntry mount = mounts.get(i);
            int parent = rootParentId;
            for (int j = i - 1; j >= 0; j--) {
                if (contains(mounts.get(j).mountPoint(), mount.mountPoint())) {
                    parent = firstId + j;
                    break;
                }
            }
            int[] dev = blockDevices.get(mount.device());
            int major = dev == null ? 0 : dev[0];
            int minor = dev == null ? anon++ : dev[1];
            String[] options = mount.options().split(",");
            StringBuilder perMount = new StringBuilder(options[0]);
            StringBuilder superBlock = new StringBuilder(options[0]);
            for (String flag : MNT_FLAGS) {
                for (int k = 1; k < options.length; k++) {
                    if (options[k].equals(flag)) {
                        perMount.append(',').append(flag);
                    }
                }
            }
            for (int k = 1; k < options.length; k++) {
                if (SB_FLAGS.contains(options[k]) || !MNT_FLAGS.contains(options[k])) {
                    superBlock.append(',').append(options[k]);
                }
            }
            rows.add(new MountInfoRow(firstId + i, parent, major, minor, "/", mount.mountPoint(),
                    perMount.toString(), shared ? "shared:" + (i + 1) : "", mount.type(), mount.device(),
                    superBlock.toString()));
        }
        return rows;
    }

    private static boolean contains(String outer, String inner) {
        if (outer.equals(inner)) {
            return false;
        }
        return outer.equals("/") || inner.startsWith(outer + "/");
    }
}
