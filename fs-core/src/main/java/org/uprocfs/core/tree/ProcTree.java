package org.uprocfs.core.tree;

import java.time.Instant;
import java.util.Set;
import org.uprocfs.core.Errno;
import org.uprocfs.core.ProcException;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.EntryFlag;
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

    /** The entry at an absolute path like {@code /sys/kernel/hostname}; ENOENT, ENOTDIR or ENAMETOOLONG otherwise. */
    public ProcEntry lookup(String path) {
        if (path.length() > PATH_MAX) {
            throw new ProcException(Errno.ENAMETOOLONG, "path longer than " + PATH_MAX);
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
            if (name.length() > ProcDirectory.NAME_MAX) {
                throw new ProcException(Errno.ENAMETOOLONG, "name longer than " + ProcDirectory.NAME_MAX);
            }
            ProcEntry next = name.equals(".") ? dir : name.equals("..") ? parentOf(dir) : dir.child(name);
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
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty()) {
                throw new ProcException(Errno.EINVAL, "empty component in '" + relative + "'");
            }
            ProcEntry existing = current.child(part);
            if (existing instanceof ProcDirectory dir) {
                current = dir;
            } else if (existing != null) {
                throw new ProcException(Errno.ENOTDIR, existing.path() + " is not a directory");
            } else {
                java.util.EnumSet<EntryFlag> implicit = java.util.EnumSet.of(EntryFlag.IMPLICIT);
                implicit.addAll(flags);
                try {
                    current = current.addDirectory(part, owner, new EntryAttributes(0555, 0, 0), implicit, created);
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

    private static ProcDirectory parentOf(ProcDirectory dir) {
        return dir.parent() == null ? dir : dir.parent();
    }
}
