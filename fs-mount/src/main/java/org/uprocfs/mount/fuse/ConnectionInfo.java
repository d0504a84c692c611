package org.uprocfs.mount.fuse;

import jnr.ffi.Pointer;

/** What the daemon asks of the kernel at FUSE_INIT through libfuse2's {@code struct fuse_conn_info}. */
final class ConnectionInfo {
    /** FUSE_CAP_ATOMIC_O_TRUNC: the kernel passes O_TRUNC to open instead of sending a truncate first. */
    static final int ATOMIC_O_TRUNC = 1 << 3;

    // struct fuse_conn_info (libfuse 2.9): unsigned proto_major, proto_minor, async_read, max_write,
    // max_readahead, capable, want, ...
    private static final long CAPABLE_OFFSET = 20;
    private static final long WANT_OFFSET = 24;

    private ConnectionInfo() {
    }

    /**
     * Asks for atomic O_TRUNC when the kernel offers it: {@code echo x > file} then costs one open instead
     * of a truncate and an open, and the open carries O_TRUNC, which procfs ignores.
     */
    static void wantAtomicOpenTruncate(Pointer conn) {
        if (conn == null || (conn.getInt(CAPABLE_OFFSET) & ATOMIC_O_TRUNC) == 0) {
            return;
        }
        conn.putInt(WANT_OFFSET, conn.getInt(WANT_OFFSET) | ATOMIC_O_TRUNC);
    }
}
