package org.uprocfs.core.api;

import java.util.Set;
import org.uprocfs.core.api.EntryFlag;

/** Everything needed to register a file: mode, owner, flags and handlers. */
public record FileSpec(int mode, int uid, int gid, Set<EntryFlag> flags, ProcHandlers handlers) {

    public FileSpec {
        flags = Set.copyOf(flags);
    }

    /** A root-owned file with the given mode and handlers. */
    public static FileSpec of(int mode, ProcHandlers handlers) {
        return new FileSpec(mode, 0, 0, Set.of(), handlers);
    }

    /** The same file with other flags. */
    public FileSpec withFlags(Set<EntryFlag> newFlags) {
        return new FileSpec(mode, uid, gid, newFlags, handlers);
    }

    /** The same file with another owner. */
    public FileSpec withOwner(int newUid, int newGid) {
        return new FileSpec(mode, newUid, newGid, flags, handlers);
    }
}
