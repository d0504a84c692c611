package org.uprocfs.providers.process.model;

/**
 * One open file of fd/ and fdinfo/: the link target text ({@code /dev/pts/0}, {@code socket:[INODE]},
 * {@code pipe:[INODE]}, {@code anon_inode:[eventpoll]}), the open flags in the kernel's octal bits, the
 * position, the mount id and the inode.
 */
public record FileDescriptor(int fd, String target, int flags, long pos, int mntId, long inode) {
    /** O_ACCMODE: the low two bits say read-only, write-only or read-write. */
    public static final int O_ACCMODE = 03;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    /** fdinfo shows O_LARGEFILE on 64-bit kernels for files opened by open(2). */
    public static final int O_LARGEFILE = 0100000;
    public static final int O_CLOEXEC = 02000000;

    /** Whether the file was opened for reading, which gives the link its {@code r} bit. */
    public boolean readable() {
        return (flags & O_ACCMODE) != O_WRONLY;
    }

    /** Whether the file was opened for writing, which gives the link its {@code w} bit. */
    public boolean writable() {
        return (flags & O_ACCMODE) != O_RDONLY;
    }

    /** Whether the descriptor is closed on exec. */
    public boolean closeOnExec() {
        return (flags & O_CLOEXEC) != 0;
    }
}
