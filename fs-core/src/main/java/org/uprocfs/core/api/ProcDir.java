package org.uprocfs.core.api;

/**
 * A directory a module made, as an opaque handle: it names the directory and serves as the parent of
 * further entries, but gives no access to the core's live nodes, so nothing can be added behind rmmod.
 */
public interface ProcDir {

    /** The path from the mount root, e.g. {@code /procfs_example}. */
    String path();
}
