package org.uprocfs.core.entry;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.uprocfs.core.api.EntryFlag;

/** A node of the proc tree: a directory, a regular file or a symbolic link. */
public abstract sealed class ProcEntry permits ProcDirectory, ProcFile, ProcSymlink {
    private static final AtomicLong NEXT_INODE = new AtomicLong(4026531841L);

    private final String name;
    private final ProcDirectory parent;
    private final String owner;
    private final Instant created;
    private final Set<EntryFlag> flags;
    private final long inode;
    // Null for an entry held in a directory's map; the computed children that made a short-lived entry.
    private final ComputedChildren source;
    private volatile EntryAttributes attributes;
    private volatile boolean removed;
    // Entries never move, so the path is fixed at birth; reads and writes name it on every call.
    private final String path;

    ProcEntry(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created) {
        this(name, parent, owner, attributes, flags, created, null);
    }

    ProcEntry(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created, ComputedChildren source) {
        this.name = name;
        this.source = source;
        this.parent = parent;
        this.owner = owner;
        this.attributes = attributes;
        this.flags = Set.copyOf(flags);
        this.created = created;
        this.path = pathOf(name, parent);
        // A computed entry is made afresh on every lookup: its number comes from its path, so stat, find
        // and du see the same st_ino each time (use_ino), well above the counter of the fixed entries.
        this.inode = source == null ? NEXT_INODE.getAndIncrement() : computedInode(path);
    }

    private static long computedInode(String path) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < path.length(); i++) {
            hash = (hash ^ path.charAt(i)) * 0x100000001b3L;
        }
        return (1L << 40) | (hash & ((1L << 40) - 1));
    }

    /** The computed children this entry was made from, or null for a fixed entry. */
    ComputedChildren source() {
        return source;
    }

    /** Whether the entry was computed for one lookup rather than registered. */
    public boolean isComputed() {
        return source != null;
    }

    /** The last path component; empty for the root. */
    public String name() {
        return name;
    }

    /** The directory holding this entry; {@code null} for the root. */
    public ProcDirectory parent() {
        return parent;
    }

    /** The module that made this entry (the "kernel" for built-ins). */
    public String owner() {
        return owner;
    }

    /** When the entry was registered: its atime, mtime and ctime. */
    public Instant created() {
        return created;
    }

    /** Mode bits and owner. */
    public EntryAttributes attributes() {
        return attributes;
    }

    /** Replaces mode and owner (chmod/chown). */
    public void setAttributes(EntryAttributes newAttributes) {
        attributes = newAttributes;
    }

    /** Whether the entry carries the flag. */
    public boolean has(EntryFlag flag) {
        return flags.contains(flag);
    }

    /** The flags given at registration. */
    public Set<EntryFlag> flags() {
        return flags;
    }

    /** A number unique among entries of this daemon, reported as st_ino. */
    public long inode() {
        return inode;
    }

    /** Whether the entry was removed (its module unloaded); open handles then fail with EIO. */
    public boolean isRemoved() {
        return removed || (source != null && source.detached());
    }

    void markRemoved() {
        removed = true;
    }

    /** The path from the mount root, e.g. {@code /sys/kernel/hostname}. */
    public String path() {
        return path;
    }

    private static String pathOf(String name, ProcDirectory parent) {
        if (parent == null) {
            return "/";
        }
        String parentPath = parent.path();
        return parentPath.equals("/") ? "/" + name : parentPath + "/" + name;
    }

    /** The link count reported as st_nlink. */
    public abstract int linkCount();
}
