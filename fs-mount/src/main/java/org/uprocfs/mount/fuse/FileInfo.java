package org.uprocfs.mount.fuse;

import jnr.ffi.Pointer;

/**
 * The two fields of libfuse2's {@code struct fuse_file_info} the adapter uses, read in place: jnr-fuse
 * would wrap the struct in a new jnr Struct of a dozen objects on every open, read, write and release.
 */
final class FileInfo {
    // struct fuse_file_info (libfuse 2.9, LP64): int flags; unsigned long fh_old; int writepage;
    // unsigned direct_io:1 ... padding:27; uint64_t fh; uint64_t lock_owner.
    private static final long FLAGS_OFFSET = 0;
    private static final long HANDLE_OFFSET = 24;

    private FileInfo() {
    }

    static int flags(Pointer fileInfo) {
        return fileInfo.getInt(FLAGS_OFFSET);
    }

    static long handle(Pointer fileInfo) {
        return fileInfo.getLong(HANDLE_OFFSET);
    }

    static void setHandle(Pointer fileInfo, long handle) {
        fileInfo.putLong(HANDLE_OFFSET, handle);
    }
}
