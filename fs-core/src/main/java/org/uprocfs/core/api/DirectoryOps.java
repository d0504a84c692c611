package org.uprocfs.core.api;

import java.util.List;

/**
 * Children computed when a directory is looked up or listed, like {@code proc_pid_lookup} and
 * {@code proc_pid_readdir}: nothing exists before someone asks, and a child may vanish between a
 * listing and the lookup that follows it.
 */
public interface DirectoryOps {

    /** The child as this caller sees it, or {@code null} when there is none (ENOENT). */
    Node lookup(String name, Caller caller);

    /** The names this caller sees, in readdir order; listed after any fixed entries of the directory. */
    List<String> names(Caller caller);

    /**
     * A check beyond the mode bits for every access to the directory itself (lookup below it, listing),
     * like an inode's {@code .permission} ({@code proc_fdinfo_permission}); false is EACCES.
     */
    default boolean permits(Caller caller) {
        return true;
    }

    /** How many of the names are directories, for st_nlink ({@code proc_root_getattr} adds the process count). */
    default int subdirectories(Caller caller) {
        return 0;
    }
}
