package org.uprocfs.core.api;

/** The Linux error numbers uprocfs answers with, named as in {@code errno.h}. */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    ESRCH(3),
    EINTR(4),
    EIO(5),
    EBADF(9),
    EAGAIN(11),
    ENOMEM(12),
    EACCES(13),
    EFAULT(14),
    EBUSY(16),
    EEXIST(17),
    ENOTDIR(20),
    EISDIR(21),
    EINVAL(22),
    EFBIG(27),
    ENOSPC(28),
    ESPIPE(29),
    EROFS(30),
    ERANGE(34),
    ENAMETOOLONG(36),
    ENOSYS(38),
    ENOTEMPTY(39);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    /** The positive number of this error as the kernel defines it on x86-64. */
    public int code() {
        return code;
    }
}
