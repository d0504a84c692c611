package org.uprocfs.core;

import java.time.Instant;

/** What stat(2) reports for an entry; the adapter copies it field by field. */
public record EntryStat(Kind kind, int mode, int linkCount, int uid, int gid, long size, long inode,
        Instant time) {

    /** The three kinds of entry. */
    public enum Kind { DIRECTORY, FILE, SYMLINK }

    /** st_blksize procfs reports. */
    public static final int BLOCK_SIZE = 1024;
}
