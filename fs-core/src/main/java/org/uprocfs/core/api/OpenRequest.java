package org.uprocfs.core.api;


/** The facts of one {@code open(2)}: who opens and with which flags. */
public record OpenRequest(Caller caller, int flags) {

    /** O_ACCMODE bits of open(2). */
    public static final int O_ACCMODE = 3;
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    /** O_NONBLOCK on x86-64. */
    public static final int O_NONBLOCK = 04000;

    /** Whether the file is opened for reading. */
    public boolean readable() {
        int mode = flags & O_ACCMODE;
        return mode == O_RDONLY || mode == O_RDWR;
    }

    /** Whether the file is opened for writing. */
    public boolean writable() {
        int mode = flags & O_ACCMODE;
        return mode == O_WRONLY || mode == O_RDWR;
    }

    /** Whether reads must not block (EAGAIN instead). */
    public boolean nonBlocking() {
        return (flags & O_NONBLOCK) != 0;
    }
}
