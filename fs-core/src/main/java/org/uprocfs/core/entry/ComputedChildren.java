package org.uprocfs.core.entry;

import org.uprocfs.core.api.DirectoryOps;

/**
 * One module's computed children of a directory; every short-lived entry made from them follows its
 * detached state, so rmmod turns handles still open below a computed tree into EIO.
 */
final class ComputedChildren {
    private final DirectoryOps ops;
    private final String owner;
    private final ComputedChildren above;
    private volatile boolean detached;

    ComputedChildren(DirectoryOps ops, String owner, ComputedChildren above) {
        this.ops = ops;
        this.owner = owner;
        this.above = above;
    }

    DirectoryOps ops() {
        return ops;
    }

    String owner() {
        return owner;
    }

    /** Whether the module detached these children, or the computed directory above them. */
    boolean detached() {
        return detached || (above != null && above.detached());
    }

    void detach() {
        detached = true;
    }

    /** The children of a computed directory below these, with the same lifetime. */
    ComputedChildren below(DirectoryOps deeper) {
        return new ComputedChildren(deeper, owner, this);
    }
}
