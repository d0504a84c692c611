package org.uprocfs.core.api;

/** A failure a handler or the engine reports to the caller as one named {@link Errno}. */
public final class ProcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Errno errno;
    private final String detail;

    public ProcException(Errno errno, String message) {
        super(errno.name() + ": " + message, null, false, false);
        this.errno = errno;
        this.detail = message;
    }

    public ProcException(Errno errno) {
        this(errno, errno.name());
    }

    /** The message without the errno name, for sentences shown to people. */
    public String detail() {
        return detail;
    }

    /** The error the caller of the syscall receives. */
    public Errno errno() {
        return errno;
    }
}
