package org.uprocfs.providers.process.host;

import java.util.Set;
import org.uprocfs.core.api.Caller;

/**
 * The kernel's {@code __ptrace_may_access} for a reader of another process's private files: the same
 * thread group, or a caller whose uid matches the target's real, effective and saved uids and whose gid
 * matches its gids, or root (CAP_SYS_PTRACE). Non-dumpable targets show root-owned files, which the
 * mode check already refuses to others.
 */
public final class PtraceRule {
    /** The per-pid entries that check ptrace access at open, readlink or read (fs/proc/base.c). */
    public static final Set<String> GUARDED = Set.of("environ", "auxv", "maps", "smaps", "smaps_rollup",
            "numa_maps", "io", "stack", "syscall", "personality", "cwd", "root", "exe", "mem", "pagemap",
            "fd", "fdinfo", "ns", "map_files");

    private PtraceRule() {
    }

    /** Whether {@code caller} may read the private files of {@code target}. */
    public static boolean mayAccess(Caller caller, HostIdentity target) {
        if (caller.isRoot() || caller.pid() == target.tgid()) {
            return true;
        }
        return caller.uid() == target.uids()[0] && caller.uid() == target.uids()[1] && caller.uid() == target.uids()[2]
                && caller.gid() == target.gids()[0] && caller.gid() == target.gids()[1]
                && caller.gid() == target.gids()[2];
    }
}
