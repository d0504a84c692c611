package org.uprocfs.core.api;

/**
 * A read handler that owns offsets itself, like a {@code proc_ops.proc_read}: sysctl values, kmsg.
 *
 * <p>Each open gets its own session; the engine does no snapshotting or paging for it.
 */
@FunctionalInterface
public non-sealed interface RawReadHandler extends ReadHandler {

    /** Starts the per-open state for one open file. */
    RawReadSession open(OpenRequest request);
}
