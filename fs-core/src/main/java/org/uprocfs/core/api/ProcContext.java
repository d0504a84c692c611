package org.uprocfs.core.api;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.KernelLog;

/**
 * What a module may do, like the procfs API a kernel module calls. A {@code null} parent means the
 * mount root; a name may span directories ({@code "drivers/via0/info"}), creating the missing ones 0555.
 */
public interface ProcContext {

    /** The name of the module this context belongs to. */
    String moduleName();

    /** Like {@code proc_mkdir_mode}; EEXIST if the name is taken. */
    ProcDir mkdir(ProcDir parent, String name, int mode);

    /** A directory with flags (e.g. FIXED_ATTRIBUTES for sys/); an existing directory of the same path is reused. */
    ProcDir mkdirs(ProcDir parent, String name, int mode, Set<EntryFlag> flags);

    /** Like {@code proc_create}/{@code create_proc_entry}; EEXIST if the name is taken. */
    void create(ProcDir parent, String name, int mode, ProcHandlers handlers);

    /** A file with owner and flags. */
    void create(ProcDir parent, String name, FileSpec spec);

    /** Like {@code proc_symlink}. */
    void symlink(ProcDir parent, String name, String target);

    /** A symlink whose target is computed for each caller, like {@code self} ({@code proc_self_get_link}). */
    void symlink(ProcDir parent, String name, LinkTarget target);

    /**
     * Children of {@code parent} computed on every lookup and readdir, listed after its fixed entries, like
     * {@code proc_pid_lookup}/{@code proc_pid_readdir} on the root; one module per directory (EEXIST).
     */
    void computed(ProcDir parent, DirectoryOps ops);

    /**
     * What the fixed directory at {@code path} holds, as the children of another directory: every lookup
     * goes to the entries there at that moment, as /proc/PID/net shows the machine's network files.
     */
    DirectoryOps view(String path);

    /** Like {@code remove_proc_entry}: ENOENT if absent, ENOTEMPTY for a directory with children. */
    void remove(ProcDir parent, String name);

    /** Logs to slf4j and to the kernel log served as kmsg, prefixed with nothing: put {@code "fortune: "} in the text. */
    void printk(LogLevel level, String format, Object... args);

    /** The simulation clock. */
    ProcClock clock();

    /** The daemon's random source, seeded with {@code --seed} for reproducible runs. */
    RandomGenerator random();

    /** A module parameter given on the command line, like {@code module_param} (e.g. {@code machine}, {@code state}). */
    Optional<String> parameter(String name);

    /** An object shared between modules (the machine model, the sysctl table), made once by the first asker. */
    <T> T shared(Class<T> type, Supplier<T> factory);

    /** The kernel log ring buffer, for modules that serve it. */
    KernelLog kernelLog();
}
