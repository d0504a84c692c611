package org.uprocfs.core.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;

/**
 * A directory of the proc tree: fixed children kept sorted by name, and optionally children a module
 * computes per lookup (the pids of the root, the entries of /proc/PID), found after the fixed ones.
 */
public final class ProcDirectory extends ProcEntry {
    /** Longest file name, NAME_MAX. */
    public static final int NAME_MAX = 255;

    /** Flags of every computed entry: proc_setattr refuses ATTR_MODE on /proc/PID entries with EPERM. */
    // Immutable, so each computed entry (one per lookup) keeps it as it is instead of copying it.
    private static final Set<EntryFlag> COMPUTED_FLAGS = Set.of(EntryFlag.FIXED_ATTRIBUTES);

    private final ConcurrentSkipListMap<String, ProcEntry> children = new ConcurrentSkipListMap<>();
    private volatile ComputedChildren computed;
    // Made only because a longer name needed it; it goes when it empties at unload.
    private volatile boolean implicit;

    ProcDirectory(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created) {
        super(name, parent, owner, attributes, flags, created);
    }

    private ProcDirectory(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Instant created, ComputedChildren source, ComputedChildren children) {
        super(name, parent, owner, attributes, COMPUTED_FLAGS, created, source);
        this.computed = children;
    }

    /**
     * Gives this directory children computed by {@code ops}; EEXIST if it already has some. Returns the
     * token that {@link #detachComputed} takes to end them.
     */
    public synchronized Object attachComputed(DirectoryOps ops, String moduleName) {
        if (computed != null) {
            throw new ProcException(Errno.EEXIST, path() + " already has computed children");
        }
        ComputedChildren attached = new ComputedChildren(ops, moduleName, null);
        computed = attached;
        return attached;
    }

    /** Ends computed children attached with {@link #attachComputed}: they vanish, open handles below fail. */
    public synchronized void detachComputed(Object token) {
        if (computed == token) {
            computed.detach();
            computed = null;
        }
    }

    /** Whether the directory was made only because a longer name needed it. */
    public boolean isImplicit() {
        return implicit;
    }

    /** Whether a module computes children here. */
    public boolean hasComputedChildren() {
        return computed != null;
    }

    /** The child a caller finds: a fixed one first, then a computed one; {@code null} when there is none. */
    public ProcEntry child(String name, Caller caller) {
        ProcEntry fixed = children.get(name);
        if (fixed != null) {
            return fixed;
        }
        ComputedChildren from = computed;
        if (from == null || from.detached()) {
            return null;
        }
        Node node = from.ops().lookup(name, caller);
        return node == null ? null : materialize(name, node, from);
    }

    /** The names a caller lists: the fixed children in name order, then the computed ones in their order. */
    public List<String> names(Caller caller) {
        List<String> names = new ArrayList<>(children.keySet());
        ComputedChildren from = computed;
        if (from != null && !from.detached()) {
            names.addAll(from.ops().names(caller));
        }
        return names;
    }

    /** Whether the computed children's own check ({@link DirectoryOps#permits}) lets the caller in. */
    public boolean permitsBeyondMode(Caller caller) {
        ComputedChildren from = computed;
        return from == null || from.detached() || from.ops().permits(caller);
    }

    /** st_nlink as this caller sees it: 2, plus fixed subdirectories, plus computed ones. */
    public int linkCount(Caller caller) {
        ComputedChildren from = computed;
        int extra = from == null || from.detached() ? 0 : from.ops().subdirectories(caller);
        return linkCount() + extra;
    }

    private ProcEntry materialize(String name, Node node, ComputedChildren from) {
        EntryAttributes attributes = new EntryAttributes(node.mode() & 07777, node.uid(), node.gid());
        Instant created = created();
        if (node instanceof Node.Dir dir) {
            return new ProcDirectory(name, this, from.owner(), attributes, created, from, from.below(dir.children()));
        }
        if (node instanceof Node.File file) {
            return new ProcFile(name, this, from.owner(), attributes, COMPUTED_FLAGS, created, file.handlers(), from);
        }
        Node.Link link = (Node.Link) node;
        return new ProcSymlink(name, this, from.owner(), attributes, created, link.target(), from);
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

    /** Adds a subdirectory made only because a longer name needed it (drivers/ for drivers/via0/info). */
    public ProcDirectory addImplicitDirectory(String name, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created) {
        ProcDirectory dir = new ProcDirectory(checkName(name), this, owner, attributes, flags, created);
        dir.implicit = true;
        return insert(dir);
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
        return addSymlink(name, owner, created, org.uprocfs.core.api.LinkTarget.fixed(target));
    }

    /** Adds a symbolic link whose target is computed per caller, like {@code self}. */
    public ProcSymlink addSymlink(String name, String owner, Instant created, org.uprocfs.core.api.LinkTarget target) {
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
