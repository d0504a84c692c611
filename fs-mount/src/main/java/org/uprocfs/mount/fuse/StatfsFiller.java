package org.uprocfs.mount.fuse;

import ru.serce.jnrfuse.struct.Statvfs;

/** statfs of the mount: no blocks, no free space, 255-byte names, as procfs reports. */
final class StatfsFiller {
    private StatfsFiller() {
    }

    static void fill(Statvfs stbuf) {
        stbuf.f_bsize.set(4096);
        stbuf.f_frsize.set(4096);
        stbuf.f_blocks.set(0);
        stbuf.f_bfree.set(0);
        stbuf.f_bavail.set(0);
        stbuf.f_files.set(0);
        stbuf.f_ffree.set(0);
        stbuf.f_namemax.set(255);
    }
}
