package org.uprocfs.core.entry;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.uprocfs.core.Errno;
import org.uprocfs.core.ProcException;
import org.uprocfs.core.io.ProcHandlers;

/** A directory of the proc tree; children are kept sorted by name and may change under concurrent lookups. */
public final class ProcDirectory extends ProcEntry {
    /** Longest file name, NAME_MAX. */
    public static final int NAME_MAX = 255;

    private final ConcurrentSkipListMap<String, ProcEntry> children = new ConcurrentSkipListMap<>();

    ProcDirectory(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created) {
        super(name, parent, owner, attributes, flags, created);
    }

    /** A new root directory (0555 root:root). */
    public static ProcDirectory newRoot(Instant created) {
        return new ProcDirectory("", null, "kernel", new EntryAttributes(0555, 0, 0), Set.of(), created);
    }

    /** The child with the given name, or {@code null}. */
    public ProcEntry child(String name) {
        return children.get(name);
    }

    /** The children in name order, as a snapshot. */
    public List<ProcEntry> children() {
        return List.copyOf(children.values());
    }

    /** Whether the directory has no children. */
    public boolean isEmpty() {
        return children.isEmpty();
    }

    /** Adds a subdirectory; EEXIST if the name is taken, EINVAL if it is not a valid name. */
    public ProcDirectory addDirectory(String name, String owner, EntryAttributes attributes, Set<EntryFlag> flags,
            Instant created) {
        return insert(new ProcDirectory(checkName(name), this, owner, attributes, flags, created));
    }

    /** Adds a regular file. */
    public ProcFile addFile(String name, String owner, EntryAttributes attributes, Set<EntryFlag> flags,
            Instant created, ProcHandlers handlers) {
        return insert(new ProcFile(checkName(name), this, owner, attributes, flags, created, handlers));
    }

    /** Adds a symbolic link. */
    public ProcSymlink addSymlink(String name, String owner, Instant created, String target) {
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new ProcException(Errno.EINVAL, "invalid symlink target for " + name);
        }
        return insert(new ProcSymlink(checkName(name), this, owner, created, target));
    }

    /** Removes a child; ENOENT if absent, ENOTEMPTY for a directory that still has children. */
    public ProcEntry remove(String name) {
        ProcEntry entry = children.get(name);
        if (entry == null) {
            throw new ProcException(Errno.ENOENT, "no entry " + name + " in " + path());
        }
        if (entry instanceof ProcDirectory dir && !dir.isEmpty()) {
            throw new ProcException(Errno.ENOTEMPTY, dir.path() + " is not empty");
        }
        if (children.remove(name, entry)) {
            entry.markRemoved();
        }
        return entry;
    }

    @Override
    public int linkCount() {
        int subdirectories = 0;
        for (ProcEntry child : children.values()) {
            if (child instanceof ProcDirectory) {
                subdirectories++;
            }
        }
        return 2 + subdirectories;
    }

    private <E extends ProcEntry> E insert(E entry) {
        ProcEntry existing = children.putIfAbsent(entry.name(), entry);
        if (existing != null) {
            throw new ProcException(Errno.EEXIST, existing.path() + " already exists");
        }
        return entry;
    }

    /** Returns the name if it is a valid proc name (1..255 bytes, no slash, no NUL, not "." or ".."); EINVAL or ENAMETOOLONG otherwise. */
    public static String checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
                || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new ProcException(Errno.EINVAL, "invalid entry name '" + name + "'");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > NAME_MAX) {
            throw new ProcException(Errno.ENAMETOOLONG, "entry name longer than " + NAME_MAX + " bytes");
        }
        return name;
    }
}
