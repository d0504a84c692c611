package org.uprocfs.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** Real syscalls through jnr-posix, with the errno of each failure, for tests that assert errnos. */
final class Posix {
    /** The native POSIX layer with a handler that reports failures through errno instead of throwing. */
    static final POSIX POSIX = POSIXFactory.getNativePOSIX(new ErrnoOnlyHandler());
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_NONBLOCK = 04000;

    private Posix() {
    }

    /** jnr-posix's default handler throws on mkdir/rmdir failures; tests want the errno. */
    private static final class ErrnoOnlyHandler extends jnr.posix.util.DefaultPOSIXHandler {
        @Override
        public void error(Errno error, String extraData) {
            POSIX_ERRNO.set(error);
        }

        @Override
        public void error(Errno error, String methodName, String extraData) {
            POSIX_ERRNO.set(error);
        }
    }

    private static final ThreadLocal<Errno> POSIX_ERRNO = new ThreadLocal<>();

    /** The result of a syscall: its return value and, when negative, the errno. */
    record Result(long value, Errno errno) {
        boolean failed() {
            return value < 0;
        }
    }

    static Result call(long value) {
        return new Result(value, value < 0 ? Errno.valueOf(POSIX.errno()) : null);
    }

    static Result open(Path path, int flags) {
        return call(POSIX.open(path.toString(), flags, 0644));
    }

    static int openOrFail(Path path, int flags) {
        Result result = open(path, flags);
        if (result.failed()) {
            throw new AssertionError("open " + path + " failed with " + result.errno());
        }
        return (int) result.value();
    }

    static void close(int fd) {
        POSIX.close(fd);
    }

    static Result pread(int fd, byte[] buffer, int count, long offset) {
        return call(POSIX.pread(fd, buffer, count, offset));
    }

    static Result pwrite(int fd, byte[] data, long offset) {
        return call(POSIX.pwrite(fd, data, data.length, offset));
    }

    static Result write(int fd, byte[] data) {
        return call(POSIX.write(fd, data, data.length));
    }

    /** Writes bytes to a path in one write(2) call; returns its result. */
    static Result writeOnce(Path path, byte[] data) {
        Result opened = open(path, O_WRONLY);
        if (opened.failed()) {
            return opened;
        }
        try {
            return write((int) opened.value(), data);
        } finally {
            close((int) opened.value());
        }
    }

    static Result writeOnce(Path path, String text) {
        return writeOnce(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a file to EOF with read(2) calls of the given size. */
    static byte[] readAll(Path path, int chunk) {
        int fd = openOrFail(path, O_RDONLY);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[chunk];
            while (true) {
                int n = POSIX.read(fd, buffer, chunk);
                if (n < 0) {
                    throw new AssertionError("read " + path + " failed with " + Errno.valueOf(POSIX.errno()));
                }
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
            }
        } finally {
            close(fd);
        }
    }

    /** The errno of reading a path (null if the read succeeded). */
    static Errno readErrno(Path path) {
        Result opened = open(path, O_RDONLY);
        if (opened.failed()) {
            return opened.errno();
        }
        try {
            byte[] buffer = new byte[4096];
            return call(POSIX.read((int) opened.value(), buffer, buffer.length)).errno();
        } finally {
            close((int) opened.value());
        }
    }
}
