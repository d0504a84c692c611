package org.uprocfs.providers.sysctl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.FileSpec;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.state.ModuleState;

/**
 * The registry of /proc/sys rows, shared between modules like the kernel's sysctl table: modules register
 * rows (and unregister them at exit), others read values and listen for changes.
 *
 * <p>Reads are lock-free. Writes to any row are serialized by one commit lock, so that the value, the
 * state file and the listeners all see the same order; with a state directory the lock is held across
 * the fsync, which is what makes "acknowledged means durable" cheap to reason about.
 */
public final class SysctlTable {
    private static final Logger LOG = LoggerFactory.getLogger(SysctlTable.class);

    static final Set<EntryFlag> DIRECTORY_FLAGS = Set.of(EntryFlag.FIXED_ATTRIBUTES);
    static final Set<EntryFlag> FILE_FLAGS = Set.of(EntryFlag.STRICT_MODE, EntryFlag.FIXED_ATTRIBUTES);

    private final ReentrantLock commitLock = new ReentrantLock();
    private final ConcurrentHashMap<String, SysctlRow> rows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<SysctlListener>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger openReaders = new AtomicInteger();
    private final SysctlPersistence persistence;
    private final boolean resetState;

    private SysctlTable(SysctlPersistence persistence, boolean resetState) {
        this.persistence = persistence;
        this.resetState = resetState;
    }

    /** The table of this file system, made by the first module that asks, with the state parameters it sees. */
    public static SysctlTable shared(ProcContext context) {
        return context.shared(SysctlTable.class, () -> {
            boolean reset = context.parameter(ModuleState.RESET_PARAMETER).map(Boolean::parseBoolean).orElse(false);
            return ModuleState.sharedStore(context)
                    .map(store -> new SysctlTable(SysctlPersistence.open(store, reset), reset))
                    .orElseGet(() -> new SysctlTable(SysctlPersistence.inMemory(), reset));
        });
    }

    /**
     * Adds rows and their files under {@code sys/}, owned by the calling module so its unload removes the
     * files; saved values are restored first. EEXIST if a path is taken; on any failure no row is added.
     */
    public SysctlRegistration register(ProcContext context, List<SysctlRow> newRows) {
        commitLock.lock();
        try {
            Set<String> paths = new HashSet<>();
            for (SysctlRow row : newRows) {
                if (!paths.add(row.path()) || rows.containsKey(row.path())) {
                    throw new ProcException(Errno.EEXIST, "sysctl " + row.path() + " is already registered");
                }
            }
            for (SysctlRow row : newRows) {
                restore(row);
            }
            for (SysctlRow row : newRows) {
                rows.put(row.path(), row);
            }
        } finally {
            commitLock.unlock();
        }
        SysctlRegistration registration = new SysctlRegistration(this, newRows);
        try {
            for (SysctlRow row : newRows) {
                createFile(context, row);
            }
        } catch (RuntimeException e) {
            // Files already made belong to the module and go with its failed init; the rows go now.
            registration.close();
            throw e;
        }
        return registration;
    }

    /** The current value of a registered row. */
    public Optional<SysctlValue> value(String path) {
        SysctlRow row = rows.get(path);
        return row == null ? Optional.empty() : Optional.of(row.cell().get());
    }

    /** Whether {@code kernel/dmesg_restrict} is set; false while no module registered it, the kernel default. */
    public boolean dmesgRestricted() {
        return value("kernel/dmesg_restrict")
                .filter(SysctlValue.Numbers.class::isInstance)
                .map(v -> ((SysctlValue.Numbers) v).get(0) != 0)
                .orElse(false);
    }

    /** The registered paths, sorted. */
    public List<String> paths() {
        return rows.keySet().stream().sorted().toList();
    }

    /** Calls {@code listener} after every change of {@code path}, registered now or later, until closed. */
    public SysctlSubscription onChange(String path, SysctlListener listener) {
        CopyOnWriteArrayList<SysctlListener> forPath = listeners.computeIfAbsent(path,
                key -> new CopyOnWriteArrayList<>());
        forPath.add(listener);
        return () -> forPath.remove(listener);
    }

    /**
     * Writes {@code data} at {@code offset} to the row at {@code path} exactly as a {@code write(2)} on its
     * file would; ENOENT if not registered, EPERM if read-only.
     */
    public int write(String path, byte[] data, long offset) {
        SysctlRow row = rows.get(path);
        if (row == null) {
            throw new ProcException(Errno.ENOENT, "no sysctl " + path);
        }
        if (!row.writable()) {
            throw new ProcException(Errno.EPERM, "sysctl " + path + " is read-only");
        }
        return write(row, data, offset);
    }

    /** Where saved values go, if anywhere. */
    public Optional<Path> stateFile() {
        return persistence.file();
    }

    int write(SysctlRow row, byte[] data, long offset) {
        if (data.length == 0) {
            // proc_sys_call_handler: "if (!count) return 0" before any handler runs.
            return 0;
        }
        commitLock.lock();
        try {
            if (rows.get(row.path()) != row) {
                throw new ProcException(Errno.EIO, "sysctl " + row.path() + " is gone");
            }
            if (!row.writable() || !(row.cell() instanceof SysctlCell.Stored cell)) {
                // The open already failed with EACCES for a read-only row; this guards direct callers.
                throw new ProcException(Errno.EPERM, "sysctl " + row.path() + " is read-only");
            }
            SysctlValue old = cell.get();
            SysctlValue next;
            int taken;
            if (row.type() instanceof SysctlType.StringType string) {
                StringWrite.Outcome outcome = StringWrite.apply(string, (SysctlValue.Text) old, data, offset);
                next = outcome.value();
                taken = outcome.taken();
            } else {
                if (offset > 0) {
                    // Strict mode (proc_first_pos_non_zero_ignore): a write past 0 is dropped but reported whole.
                    return data.length;
                }
                NumericWrite.Outcome outcome = NumericWrite.apply((SysctlType.Numeric) row.type(),
                        (SysctlValue.Numbers) old, data);
                next = outcome.value();
                taken = outcome.taken();
            }
            if (!next.equals(old)) {
                persistence.save(row.path(), SysctlFormat.plain(row.type(), next));
                cell.set(next);
                notifyListeners(row.path(), old, next);
            }
            return taken;
        } finally {
            commitLock.unlock();
        }
    }

    byte[] read(SysctlRow row, long offset, int count) {
        return SysctlFormat.read(row.type(), row.cell().get(), offset, count);
    }

    void unregister(List<SysctlRow> gone) {
        commitLock.lock();
        try {
            for (SysctlRow row : gone) {
                rows.remove(row.path(), row);
            }
        } finally {
            commitLock.unlock();
        }
    }

    /** Read handles open on sysctl files now; the "allocated" column of the simulated fs/file-nr. */
    int openReaders() {
        return openReaders.get();
    }

    void readerOpened() {
        openReaders.incrementAndGet();
    }

    void readerClosed() {
        openReaders.decrementAndGet();
    }

    private void restore(SysctlRow row) {
        if (!row.persistent()) {
            return;
        }
        Optional<byte[]> saved = persistence.saved(row.path());
        if (saved.isEmpty()) {
            return;
        }
        SysctlCell.Stored cell = (SysctlCell.Stored) row.cell();
        try {
            cell.set(parseSaved(row, saved.get()));
        } catch (ProcException refused) {
            String where = persistence.file().map(Path::toString).orElse("memory");
            if (!resetState) {
                throw new ProcException(Errno.EINVAL, "state file " + where + ": saved value of " + row.path()
                        + " is refused (" + refused.getMessage() + "); start with reset-state=true to discard it");
            }
            LOG.warn("sysctl: state file {}: saved value of {} refused ({}); reset-state is set, using the default",
                    where, row.path(), refused.getMessage());
        }
    }

    private static SysctlValue parseSaved(SysctlRow row, byte[] saved) {
        if (row.type() instanceof SysctlType.StringType string) {
            SysctlValue.Text text = StringWrite.parseExact(string, saved);
            if (text == null) {
                throw new ProcException(Errno.EINVAL, "not a string of at most " + (string.maxlen() - 1) + " bytes");
            }
            return text;
        }
        return NumericWrite.parseExact((SysctlType.Numeric) row.type(), saved);
    }

    private void createFile(ProcContext context, SysctlRow row) {
        String directory = row.directory().isEmpty() ? "sys" : "sys/" + row.directory();
        // Every directory under sys/ is 0555 with fixed attributes, as proc_sys_permission and setattr enforce.
        ProcDir parent = context.mkdirs(null, directory, 0555, DIRECTORY_FLAGS);
        FileSpec spec = new FileSpec(row.mode(), 0, 0, FILE_FLAGS, SysctlFile.handlers(this, row));
        context.create(parent, row.leaf(), spec);
    }

    private void notifyListeners(String path, SysctlValue old, SysctlValue next) {
        List<SysctlListener> forPath = listeners.get(path);
        if (forPath == null) {
            return;
        }
        for (SysctlListener listener : new ArrayList<>(forPath)) {
            try {
                listener.changed(path, old, next);
            } catch (RuntimeException e) {
                // The value is committed; a listener's failure must not turn the write into an error.
                LOG.error("sysctl listener for {} failed", path, e);
            }
        }
    }
}
