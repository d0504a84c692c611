package org.uprocfs.core.api;


/** Where a symbolic link points for one caller, like {@code proc_self_get_link}; may throw ENOENT or EACCES. */
@FunctionalInterface
public interface LinkTarget {

    /** The target text for this caller. */
    String resolve(Caller caller);

    /** A link whose target is the same for everyone. */
    static LinkTarget fixed(String target) {
        return caller -> target;
    }
}
