package org.uprocfs.core;

import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcEntry;

/** The permission decision at open, access, truncate and chmod, as procfs and /proc/sys make it. */
public final class AccessPolicy {
    /** MAY_READ, MAY_WRITE and MAY_EXEC as access(2) bits. */
    public static final int MAY_EXEC = 1;
    public static final int MAY_WRITE = 2;
    public static final int MAY_READ = 4;

    private AccessPolicy() {
    }

    /**
     * Whether {@code caller} may do {@code wanted} (a mask of MAY_*) on the entry. A directory's computed
     * children may refuse first ({@code DirectoryOps.permits}); root passes ordinary entries
     * (CAP_DAC_OVERRIDE); under STRICT_MODE root is held to the owner bits, as {@code proc_sys_permission}
     * holds it.
     */
    public static boolean permits(ProcEntry entry, Caller caller, int wanted) {
        if (entry instanceof org.uprocfs.core.entry.ProcDirectory dir && !dir.permitsBeyondMode(caller)) {
            return false;
        }
        EntryAttributes attributes = entry.attributes();
        int mode = attributes.mode();
        if (caller.isRoot()) {
            if (!entry.has(EntryFlag.STRICT_MODE)) {
                // CAP_DAC_OVERRIDE: exec still needs some x bit on files.
                return (wanted & MAY_EXEC) == 0 || (mode & 0111) != 0 || entry instanceof org.uprocfs.core.entry.ProcDirectory;
            }
            return ((mode >> 6) & wanted) == wanted;
        }
        int bits;
        if (caller.uid() == attributes.uid()) {
            bits = mode >> 6;
        } else if (caller.inGroup(attributes.gid())) {
            bits = mode >> 3;
        } else {
            bits = mode;
        }
        return (bits & 7 & wanted) == wanted;
    }

    /** Throws EACCES unless {@link #permits}. */
    public static void check(ProcEntry entry, Caller caller, int wanted) {
        if (!permits(entry, caller, wanted)) {
            throw new ProcException(Errno.EACCES, entry.path());
        }
    }

    /** Throws EPERM unless the caller may change mode or owner: root, or the owner for chmod; never under sys/. */
    public static void checkAttributeChange(ProcEntry entry, Caller caller, boolean ownerChange) {
        if (entry.has(EntryFlag.FIXED_ATTRIBUTES)) {
            throw new ProcException(Errno.EPERM, entry.path() + " has fixed attributes");
        }
        boolean owner = caller.uid() == entry.attributes().uid();
        if (!caller.isRoot() && (ownerChange || !owner)) {
            throw new ProcException(Errno.EPERM, entry.path());
        }
    }
}
