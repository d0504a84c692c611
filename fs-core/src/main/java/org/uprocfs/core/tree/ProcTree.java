package org.uprocfs.core.tree;

import java.time.Instant;
import java.util.Set;
import org.uprocfs.core.AccessPolicy;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcEntry;

/** The entry tree: path lookup from the mount root and creation of directories along a path. */
public final class ProcTree {
    /** Longest path accepted, PATH_MAX. */
    public static final int PATH_MAX = 4096;

    private final ProcDirectory root;

    public ProcTree(Instant created) {
        this.root = ProcDirectory.newRoot(created);
    }

    /** The mount root. */
    public ProcDirectory root() {
        return root;
    }

    /** The entry at an absolute path as root finds it; for the daemon's own use. */
    public ProcEntry lookup(String path) {
        return lookup(path, Caller.ROOT);
    }

    /**
     * The entry at an absolute path like {@code /sys/kernel/hostname} as {@code caller} finds it: computed
     * children answer for this caller, and every directory passed through needs search (x) permission,
     * as {@code link_path_walk} asks {@code may_lookup}: the kernel's FUSE layer does not check it for us
     * without {@code default_permissions}. ENOENT, ENOTDIR, EACCES or ENAMETOOLONG otherwise.
     */
    public ProcEntry lookup(String path, Caller caller) {
        if (utf8Length(path, 0, path.length()) > PATH_MAX) {
            throw new ProcException(Errno.ENAMETOOLONG, "path longer than " + PATH_MAX + " bytes");
        }
        ProcEntry current = root;
        int length = path.length();
        int i = 0;
        while (i < length) {
            while (i < length && path.charAt(i) == '/') {
                i++;
            }
            if (i == length) {
                break;
            }
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = length;
            }
            if (!(current instanceof ProcDirectory dir)) {
                throw new ProcException(Errno.ENOTDIR, path);
            }
            String name = path.substring(i, end);
            if (utf8Length(path, i, end) > ProcDirectory.NAME_MAX) {
                throw new ProcException(Errno.ENAMETOOLONG, "name longer than " + ProcDirectory.NAME_MAX + " bytes");
            }
            if (!AccessPolicy.permits(dir, caller, AccessPolicy.MAY_EXEC)) {
                throw new ProcException(Errno.EACCES, path);
            }
            ProcEntry next = name.equals(".") ? dir : name.equals("..") ? parentOf(dir) : dir.child(name, caller);
            if (next == null) {
                throw new ProcException(Errno.ENOENT, path);
            }
            current = next;
            i = end;
        }
        return current;
    }

    /**
     * Walks {@code relative} (e.g. {@code drivers/via0}) below {@code parent}, creating the missing
     * directories with mode 0555 owned by {@code owner} and marked implicit; existing directories are reused.
     */
    public ProcDirectory directoriesAlong(ProcDirectory parent, String relative, String owner, Set<EntryFlag> flags,
            Instant created) {
        ProcDirectory current = parent == null ? root : parent;
        String[] parts = relative.split("/", -1);
        // Check every component first so a bad name late in the path leaves no directory behind.
        for (String part : parts) {
            ProcDirectory.checkName(part);
        }
        for (String part : parts) {
            ProcEntry existing = current.child(part);
            if (existing instanceof ProcDirectory dir) {
                current = dir;
            } else if (existing != null) {
                throw new ProcException(Errno.ENOTDIR, existing.path() + " is not a directory");
            } else {
                try {
                    current = current.addImplicitDirectory(part, owner, new EntryAttributes(0555, 0, 0), flags, created);
                } catch (ProcException raced) {
                    // Another module created it between our look and our insert: use theirs.
                    if (raced.errno() != Errno.EEXIST || !(current.child(part) instanceof ProcDirectory dir)) {
                        throw raced;
                    }
                    current = dir;
                }
            }
        }
        return current;
    }

    /** The UTF-8 length of {@code text[from, to)}, counted without encoding (NAME_MAX and PATH_MAX are bytes). */
    private static int utf8Length(String text, int from, int to) {
        int bytes = to - from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Two bytes below U+0800, three above; a surrogate pair is four bytes, two per char.
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    private static ProcDirectory parentOf(ProcDirectory dir) {
        return dir.parent() == null ? dir : dir.parent();
    }
}
