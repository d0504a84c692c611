package org.uprocfs.core;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.KernelLog;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcEntry;
import org.uprocfs.core.entry.ProcFile;
import org.uprocfs.core.entry.ProcSymlink;
import org.uprocfs.core.io.HandlerWatchdog;
import org.uprocfs.core.io.OpenFile;
import org.uprocfs.core.io.OpenFileTable;
import org.uprocfs.core.io.ReadSink;
import org.uprocfs.core.module.KernelServices;
import org.uprocfs.core.module.ModuleRegistry;
import org.uprocfs.core.tree.ProcTree;

/**
 * The facade the FUSE adapter calls: one method per syscall, paths in, values or {@link ProcException} out.
 * Every method may run on many threads at once.
 */
public final class ProcFs {
    private static final Logger LOG = LoggerFactory.getLogger(ProcFs.class);

    private final ProcTree tree;
    private final OpenFileTable openFiles;
    private final ModuleRegistry modules;
    private final KernelLog kernelLog;
    private final ProcClock clock;
    private final HandlerWatchdog watchdog;

    private ProcFs(ProcFsConfig config, java.util.Map<String, java.util.function.Supplier<ProcModule>> available) {
        this.clock = config.clock();
        this.tree = new ProcTree(clock.now());
        this.watchdog = new HandlerWatchdog(config.handlerTimeout());
        this.openFiles = new OpenFileTable(config.renderCapBytes(), watchdog);
        this.kernelLog = new KernelLog(config.kernelLogLines(), clock);
        KernelServices services = new KernelServices(tree, clock, config.random(), kernelLog, config.parameters());
        this.modules = new ModuleRegistry(available, services, openFiles::entryRemoved);
        ModulesFile.register(tree.root(), modules, clock.now());
    }

    /** Builds a file system with the modules on the class path and loads those the config names (all if none). */
    public static ProcFs start(ProcFsConfig config) {
        ClassLoader loader = ProcFs.class.getClassLoader();
        ProcFsConfig chosen = config.modules() == null
                ? config.withModules(ModuleRegistry.defaultNames(loader)) : config;
        return start(chosen, ModuleRegistry.discover(loader));
    }

    /** Builds a file system over the given module factories; for tests and embedders. */
    public static ProcFs start(ProcFsConfig config,
            java.util.Map<String, java.util.function.Supplier<ProcModule>> available) {
        ProcFs fs = new ProcFs(config, available);
        List<String> wanted = config.modules() == null ? fs.modules.availableNames() : config.modules();
        for (String name : wanted) {
            if (!available.containsKey(name)) {
                throw new ProcException(Errno.ENOENT, "no module named " + name + " (available: "
                        + String.join(", ", fs.modules.availableNames()) + ")");
            }
        }
        for (String name : wanted) {
            fs.modules.load(name);
        }
        return fs;
    }

    /** stat(2) of a path as root sees it; for tests and the daemon's own use. */
    public EntryStat stat(String path) {
        return stat(path, Caller.ROOT);
    }

    /** stat(2) of a path as {@code caller} sees it: owners and link targets may depend on who asks. */
    public EntryStat stat(String path, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        EntryAttributes attributes = entry.attributes();
        if (entry instanceof ProcDirectory dir) {
            return new EntryStat(EntryStat.Kind.DIRECTORY, attributes.mode(), dir.linkCount(caller),
                    attributes.uid(), attributes.gid(), 0, entry.inode(), entry.created());
        }
        if (entry instanceof ProcSymlink link) {
            return new EntryStat(EntryStat.Kind.SYMLINK, attributes.mode(), 1,
                    attributes.uid(), attributes.gid(), link.targetLength(caller), entry.inode(), entry.created());
        }
        return new EntryStat(EntryStat.Kind.FILE, attributes.mode(), 1,
                attributes.uid(), attributes.gid(), 0, entry.inode(), entry.created());
    }

    /** The names in a directory as root lists them; for tests. */
    public List<String> list(String path) {
        return list(path, Caller.ROOT);
    }

    /** The names in a directory (without "." and "..") as {@code caller} lists them; ENOTDIR for anything else. */
    public List<String> list(String path, Caller caller) {
        if (!(tree.lookup(path, caller) instanceof ProcDirectory dir)) {
            throw new ProcException(Errno.ENOTDIR, path);
        }
        return dir.names(caller);
    }

    /** Checks that a directory may be listed. */
    public void openDirectory(String path, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        if (!(entry instanceof ProcDirectory)) {
            throw new ProcException(Errno.ENOTDIR, path);
        }
        AccessPolicy.check(entry, caller, AccessPolicy.MAY_READ);
    }

    /** readlink(2) as root; for tests. */
    public String readlink(String path) {
        return readlink(path, Caller.ROOT);
    }

    /** readlink(2) for {@code caller}, whose answer may be its own ({@code self}); EINVAL for anything but a symlink. */
    public String readlink(String path, Caller caller) {
        if (!(tree.lookup(path, caller) instanceof ProcSymlink link)) {
            throw new ProcException(Errno.EINVAL, path + " is not a symbolic link");
        }
        return link.target(caller);
    }

    /** open(2): checks the mode against the caller and returns a handle. */
    public long open(String path, int flags, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        OpenRequest request = new OpenRequest(caller, flags);
        if (entry instanceof ProcDirectory) {
            throw new ProcException(Errno.EISDIR, path);
        }
        if (!(entry instanceof ProcFile file)) {
            throw new ProcException(Errno.EINVAL, path);
        }
        int wanted = (request.readable() ? AccessPolicy.MAY_READ : 0) | (request.writable() ? AccessPolicy.MAY_WRITE : 0);
        AccessPolicy.check(file, caller, wanted);
        return openFiles.open(file, request);
    }

    /** read(2) through a handle into the sink; 0 at EOF. */
    public int read(long handle, long offset, int size, ReadSink sink) {
        return openFiles.read(handle, offset, size, sink);
    }

    /** write(2) through a handle; the count the handler took. */
    public int write(long handle, long offset, byte[] data) {
        return openFiles.write(handle, offset, data);
    }

    /** release: frees the handle. */
    public void release(long handle) {
        openFiles.release(handle);
    }

    /** The open file behind a handle, for diagnostics and tests. */
    public OpenFile openFile(long handle) {
        return openFiles.get(handle);
    }

    /** Number of open handles. */
    public int openHandleCount() {
        return openFiles.size();
    }

    /**
     * truncate(2): succeeds wherever opening for write would, because libfuse2 truncates before an
     * {@code O_TRUNC} open and procfs itself accepts truncation silently.
     */
    public void truncate(String path, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        if (entry instanceof ProcDirectory) {
            throw new ProcException(Errno.EISDIR, path);
        }
        AccessPolicy.check(entry, caller, AccessPolicy.MAY_WRITE);
    }

    /** access(2). */
    public void access(String path, int mask, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        AccessPolicy.check(entry, caller, mask & 7);
    }

    /** chmod(2): root (or the owner) on ordinary entries; EPERM under sys/. */
    public void chmod(String path, int mode, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        AccessPolicy.checkAttributeChange(entry, caller, false);
        entry.setAttributes(entry.attributes().withMode(mode & 07777));
    }

    /** chown(2): root only; EPERM under sys/. */
    public void chown(String path, int uid, int gid, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        AccessPolicy.checkAttributeChange(entry, caller, true);
        entry.setAttributes(entry.attributes().withOwner(uid, gid));
    }

    /** utimensat(2): accepted and ignored for root, as procfs does; others need write access. */
    public void touch(String path, Caller caller) {
        ProcEntry entry = tree.lookup(path, caller);
        if (!caller.isRoot() && caller.uid() != entry.attributes().uid()) {
            AccessPolicy.check(entry, caller, AccessPolicy.MAY_WRITE);
        }
    }

    /** mkdir, mknod, create, symlink, link: procfs has no such operations and answers ENOENT. */
    public void refuseCreate(String path) {
        throw new ProcException(Errno.ENOENT, "cannot create " + path + " in procfs");
    }

    /** unlink and rmdir: EPERM for an existing entry, as procfs answers. */
    public void refuseRemove(String path) {
        tree.lookup(path);
        throw new ProcException(Errno.EPERM, "cannot remove " + path + " from procfs");
    }

    /** rename: EPERM when the target exists, ENOENT otherwise, as this kernel's procfs answers. */
    public void refuseRename(String from, String to) {
        tree.lookup(from);
        try {
            tree.lookup(to);
        } catch (ProcException missing) {
            throw new ProcException(Errno.ENOENT, "cannot rename " + from + " in procfs");
        }
        throw new ProcException(Errno.EPERM, "cannot rename " + from + " onto " + to);
    }

    /** insmod at runtime. */
    public void loadModule(String name) {
        modules.load(name);
    }

    /** rmmod at runtime. */
    public void unloadModule(String name) {
        modules.unload(name);
    }

    /** The module registry, for lsmod and the control channel. */
    public ModuleRegistry modules() {
        return modules;
    }

    /** The kernel log. */
    public KernelLog kernelLog() {
        return kernelLog;
    }

    /** The simulation clock. */
    public ProcClock clock() {
        return clock;
    }

    /** Threads the handler watchdog is watching (live libfuse workers that ran a handler); for leak checks. */
    public int watchedThreadCount() {
        return watchdog.registeredThreads();
    }

    /** Stops everything at unmount: wakes blocked readers, closes handles, unloads modules, stops the watchdog. */
    public void shutdown() {
        watchdog.stop();
        kernelLog.close();
        openFiles.closeAll();
        try {
            modules.unloadAll();
        } catch (RuntimeException e) {
            LOG.error("unloading modules at shutdown failed", e);
        }
    }
}
