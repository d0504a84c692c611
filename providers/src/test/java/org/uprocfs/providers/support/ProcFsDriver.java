package org.uprocfs.providers.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.KernelLogRecord;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.io.ReadSink;

/** Drives one module through the real engine the way shell tools would, for tests. */
public final class ProcFsDriver implements AutoCloseable {
    /** The size of a read FUSE forwards for a small {@code cat}. */
    public static final int READ_SIZE = 4096;

    private final ProcFs fs;
    private final ManualClock clock;

    private ProcFsDriver(ProcFs fs, ManualClock clock) {
        this.fs = fs;
        this.clock = clock;
    }

    /** A file system with only the given module loaded, on a manual clock one minute after boot. */
    public static ProcFsDriver start(String module, Supplier<ProcModule> factory) {
        return start(module, factory, Map.of());
    }

    /** The same with module parameters. */
    public static ProcFsDriver start(String module, Supplier<ProcModule> factory, Map<String, String> parameters) {
        ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofMinutes(1));
        ProcFs fs = ProcFs.start(ProcFsConfig.defaults().withClock(clock).withParameters(parameters)
                .withModules(List.of(module)), Map.of(module, factory));
        return new ProcFsDriver(fs, clock);
    }

    /** The file system under test. */
    public ProcFs fs() {
        return fs;
    }

    /** The clock the file system runs on. */
    public ManualClock clock() {
        return clock;
    }

    /** open(2) as root. */
    public long open(String path, int flags) {
        return fs.open(path, flags, Caller.ROOT);
    }

    /** One read(2) at an offset, decoded as UTF-8. */
    public String readAt(long handle, long offset, int size) {
        byte[] buffer = new byte[size];
        int n = fs.read(handle, offset, size, ReadSink.of(buffer));
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    /** What {@code cat} prints: open, read until a read returns 0, release. */
    public String cat(String path) {
        return cat(path, READ_SIZE);
    }

    /** {@code cat} with reads of the given size. */
    public String cat(String path, int readSize) {
        long handle = open(path, OpenRequest.O_RDONLY);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[readSize];
            long offset = 0;
            while (true) {
                int n = fs.read(handle, offset, readSize, ReadSink.of(buffer));
                if (n == 0) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(buffer, 0, n);
                offset += n;
            }
        } finally {
            fs.release(handle);
        }
    }

    /** One write(2) at offset 0 on a fresh handle, returning the count taken. */
    public int writeOnce(String path, String text) {
        long handle = open(path, OpenRequest.O_WRONLY);
        try {
            return fs.write(handle, 0, text.getBytes(StandardCharsets.UTF_8));
        } finally {
            fs.release(handle);
        }
    }

    /** What {@code echo text > path} does: retries the rest after a short count, as the shell's write loop does. */
    public void echo(String path, String text) {
        byte[] data = (text + "\n").getBytes(StandardCharsets.UTF_8);
        long handle = open(path, OpenRequest.O_WRONLY);
        try {
            int done = 0;
            while (done < data.length) {
                byte[] rest = java.util.Arrays.copyOfRange(data, done, data.length);
                int n = fs.write(handle, done, rest);
                if (n <= 0) {
                    throw new AssertionError("write made no progress at byte " + done);
                }
                done += n;
            }
        } finally {
            fs.release(handle);
        }
    }

    /** The texts of the kernel log, oldest first. */
    public List<String> kernelLogTexts() {
        return fs.kernelLog().readFrom(0).stream().map(KernelLogRecord::text).toList();
    }

    /** Asserts the call fails with the errno. */
    public static ProcException assertErrno(Errno expected, Executable call) {
        ProcException e = assertThrows(ProcException.class, call);
        assertEquals(expected, e.errno(), e.getMessage());
        return e;
    }

    @Override
    public void close() {
        fs.shutdown();
    }
}
