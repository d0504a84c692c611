package org.uprocfs.core.module;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.FileSpec;
import org.uprocfs.core.api.KernelLog;
import org.uprocfs.core.api.LinkTarget;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcEntry;
import org.uprocfs.core.entry.ProcFile;
import org.uprocfs.core.entry.ProcSymlink;

/** One module's view of the kernel; it remembers every entry the module made so unload can remove them. */
final class ModuleContext implements ProcContext {
    private static final Logger KERNEL = LoggerFactory.getLogger("kernel");

    private final String moduleName;
    private final KernelServices services;
    private final Map<Class<?>, Object> shared;
    // Insertion order is removal order (newest first); a set so remove and contains stay cheap with many entries.
    private final java.util.LinkedHashSet<ProcEntry> made = new java.util.LinkedHashSet<>();
    private final List<Attachment> attached = new ArrayList<>();
    // Set once the module is unloaded: a thread of the module that registers later is refused, so nothing
    // it makes can outlive rmmod and block the next insmod with EEXIST.
    private volatile boolean closed;
    private final PrintkRateLimit logLimit = new PrintkRateLimit(System::nanoTime);

    ModuleContext(String moduleName, KernelServices services, Map<Class<?>, Object> shared) {
        this.moduleName = moduleName;
        this.services = services;
        this.shared = shared;
    }

    @Override
    public String moduleName() {
        return moduleName;
    }

    @Override
    public ProcDir mkdir(ProcDir parent, String name, int mode) {
        Placement place = place(parent, name, Set.of());
        return handle(remember(place.directory().addDirectory(place.leaf(), moduleName,
                new EntryAttributes(mode & 07777, 0, 0), Set.of(), services.clock().now())));
    }

    @Override
    public ProcDir mkdirs(ProcDir parent, String name, int mode, Set<EntryFlag> flags) {
        Placement place = place(parent, name, flags);
        if (place.directory().child(place.leaf()) instanceof ProcDirectory existing) {
            return handle(existing);
        }
        return handle(remember(place.directory().addDirectory(place.leaf(), moduleName,
                new EntryAttributes(mode & 07777, 0, 0), flags, services.clock().now())));
    }

    @Override
    public void create(ProcDir parent, String name, int mode, ProcHandlers handlers) {
        create(parent, name, FileSpec.of(mode, handlers));
    }

    @Override
    public void create(ProcDir parent, String name, FileSpec spec) {
        Placement place = place(parent, name, Set.of());
        remember(place.directory().addFile(place.leaf(), moduleName,
                new EntryAttributes(spec.mode() & 07777, spec.uid(), spec.gid()), spec.flags(),
                services.clock().now(), spec.handlers()));
    }

    @Override
    public void symlink(ProcDir parent, String name, String target) {
        Placement place = place(parent, name, Set.of());
        remember(place.directory().addSymlink(place.leaf(), moduleName, services.clock().now(), target));
    }

    @Override
    public void symlink(ProcDir parent, String name, LinkTarget target) {
        Placement place = place(parent, name, Set.of());
        remember(place.directory().addSymlink(place.leaf(), moduleName, services.clock().now(), target));
    }

    @Override
    public void computed(ProcDir parent, DirectoryOps ops) {
        ensureOpen();
        ProcDirectory dir = node(parent);
        Object token = dir.attachComputed(ops, moduleName);
        synchronized (made) {
            attached.add(new Attachment(dir, token));
        }
    }

    @Override
    public DirectoryOps view(String path) {
        return new DirectoryView(services.tree(), path);
    }

    @Override
    public void remove(ProcDir parent, String name) {
        ProcDirectory base = node(parent);
        ProcEntry entry = services.tree().lookup(base.path() + "/" + name);
        ProcDirectory holder = entry.parent();
        if (holder == null) {
            throw new ProcException(Errno.EPERM, "the root cannot be removed");
        }
        holder.remove(entry.name());
        synchronized (made) {
            made.remove(entry);
        }
    }

    @Override
    public void printk(LogLevel level, String format, Object... args) {
        String text = args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args);
        services.kernelLog().append(level, text);
        int heldBack = logLimit.admit();
        if (heldBack < 0) {
            return;
        }
        if (heldBack > 0) {
            KERNEL.warn("{}: {} printk lines suppressed", moduleName, heldBack);
        }
        switch (level) {
            case EMERG, ALERT, CRIT, ERR -> KERNEL.error("{}", text);
            case WARNING -> KERNEL.warn("{}", text);
            case NOTICE, INFO -> KERNEL.info("{}", text);
            case DEBUG -> KERNEL.debug("{}", text);
        }
    }

    @Override
    public ProcClock clock() {
        return services.clock();
    }

    @Override
    public RandomGenerator random() {
        return services.random();
    }

    @Override
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(services.parameters().get(name));
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        Object existing = shared.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        // Not computeIfAbsent: a factory may itself ask for another shared object (the sysctl table
        // needs the state store), and ConcurrentHashMap refuses such nested updates. The monitor is
        // reentrant, and creation is rare, so one lock over all creations is enough.
        synchronized (shared) {
            existing = shared.get(type);
            if (existing == null) {
                existing = factory.get();
                shared.put(type, existing);
            }
            return type.cast(existing);
        }
    }

    @Override
    public KernelLog kernelLog() {
        return services.kernelLog();
    }

    int entryCount() {
        synchronized (made) {
            return made.size();
        }
    }

    /**
     * Closes the context and removes every entry this module made, newest first, then the implicit
     * directories left empty; computed children are detached first.
     */
    void removeAll(Consumer<ProcEntry> removalListener) {
        List<ProcEntry> entries;
        List<Attachment> computedChildren;
        synchronized (made) {
            closed = true;
            entries = new ArrayList<>(made);
            made.clear();
            computedChildren = new ArrayList<>(attached);
            attached.clear();
        }
        for (Attachment attachment : computedChildren) {
            attachment.directory().detachComputed(attachment.token());
            removalListener.accept(attachment.directory());
        }
        List<ProcDirectory> parents = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            ProcEntry entry = entries.get(i);
            ProcDirectory holder = entry.parent();
            if (holder == null || holder.child(entry.name()) != entry) {
                continue;
            }
            if (entry instanceof ProcDirectory dir && !dir.isEmpty()) {
                // Another module still has entries below: the directory stays until they go.
                continue;
            }
            holder.remove(entry.name());
            removalListener.accept(entry);
            parents.add(holder);
        }
        for (ProcDirectory dir : parents) {
            pruneImplicit(dir, removalListener);
        }
    }

    private static void pruneImplicit(ProcDirectory dir, Consumer<ProcEntry> removalListener) {
        ProcDirectory current = dir;
        while (current != null && current.parent() != null && current.isImplicit() && current.isEmpty()) {
            ProcDirectory holder = current.parent();
            try {
                holder.remove(current.name());
                removalListener.accept(current);
            } catch (ProcException gone) {
                return;
            }
            current = holder;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ProcException(Errno.EPERM, "module " + moduleName + " is unloaded: its context registers nothing");
        }
    }

    private Placement place(ProcDir parent, String name, Set<EntryFlag> flags) {
        ensureOpen();
        if (name == null || name.isEmpty()) {
            throw new ProcException(Errno.EINVAL, "empty entry name");
        }
        ProcDirectory base = node(parent);
        if (base.isRemoved()) {
            throw new ProcException(Errno.ENOENT, base.path() + " was removed");
        }
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return new Placement(base, name);
        }
        // Check the leaf before making directories for it, so a bad name leaves nothing behind.
        ProcDirectory.checkName(name.substring(slash + 1));
        EnumSet<EntryFlag> inherited = EnumSet.noneOf(EntryFlag.class);
        inherited.addAll(flags);
        ProcDirectory dir = services.tree().directoriesAlong(base, name.substring(0, slash), moduleName, inherited,
                services.clock().now());
        rememberImplicitAlong(base, dir);
        return new Placement(dir, name.substring(slash + 1));
    }

    private void rememberImplicitAlong(ProcDirectory base, ProcDirectory leaf) {
        List<ProcDirectory> chain = new ArrayList<>();
        for (ProcDirectory d = leaf; d != null && d != base; d = d.parent()) {
            chain.add(0, d);
        }
        synchronized (made) {
            for (ProcDirectory d : chain) {
                if (d.owner().equals(moduleName) && !made.contains(d)) {
                    made.add(d);
                }
            }
        }
    }

    private <E extends ProcEntry> E remember(E entry) {
        boolean late;
        synchronized (made) {
            late = closed;
            if (!late) {
                made.add(entry);
            }
        }
        if (late) {
            // Unloaded between the check and the insert: take the entry back out, as if never made.
            ProcDirectory holder = entry.parent();
            if (holder != null && holder.child(entry.name()) == entry) {
                holder.remove(entry.name());
            }
            ensureOpen();
        }
        return entry;
    }

    private record Attachment(ProcDirectory directory, Object token) {
    }

    /** The handle a module holds for a directory: its path, and the node only the core can reach. */
    private record DirHandle(ProcDirectory node) implements ProcDir {
        @Override
        public String path() {
            return node.path();
        }
    }

    private static ProcDir handle(ProcDirectory dir) {
        return new DirHandle(dir);
    }

    /** The node behind a handle; the root for null; EINVAL for a handle the core did not give out. */
    private ProcDirectory node(ProcDir parent) {
        if (parent == null) {
            return services.tree().root();
        }
        if (parent instanceof DirHandle handle) {
            return handle.node();
        }
        throw new ProcException(Errno.EINVAL, "not a directory handle of this kernel: " + parent.path());
    }

    private record Placement(ProcDirectory directory, String leaf) {
    }
}
