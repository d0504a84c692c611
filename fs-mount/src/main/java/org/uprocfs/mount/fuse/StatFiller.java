package org.uprocfs.mount.fuse;

import org.uprocfs.core.EntryStat;
import ru.serce.jnrfuse.struct.FileStat;

/** Copies an {@link EntryStat} into libfuse's {@code struct stat}. */
public final class StatFiller {
    private StatFiller() {
    }

    /** Fills every field procfs reports: type and mode, links, owner, size, inode, block size, times. */
    public static void fill(EntryStat entry, FileStat stat) {
        int type = switch (entry.kind()) {
            case DIRECTORY -> FileStat.S_IFDIR;
            case FILE -> FileStat.S_IFREG;
            case SYMLINK -> FileStat.S_IFLNK;
        };
        stat.st_mode.set(type | entry.mode());
        stat.st_nlink.set(entry.linkCount());
        stat.st_uid.set(entry.uid());
        stat.st_gid.set(entry.gid());
        stat.st_size.set(entry.size());
        stat.st_ino.set(entry.inode());
        stat.st_blksize.set(EntryStat.BLOCK_SIZE);
        stat.st_blocks.set(0);
        long seconds = entry.time().getEpochSecond();
        long nanos = entry.time().getNano();
        stat.st_atim.tv_sec.set(seconds);
        stat.st_atim.tv_nsec.set(nanos);
        stat.st_mtim.tv_sec.set(seconds);
        stat.st_mtim.tv_nsec.set(nanos);
        stat.st_ctim.tv_sec.set(seconds);
        stat.st_ctim.tv_nsec.set(nanos);
    }
}
