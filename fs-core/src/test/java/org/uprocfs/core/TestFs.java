package org.uprocfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.io.ReadSink;

/** A file system over inline test modules with a frozen clock, plus the read loops tests share. */
public final class TestFs {
    /** The boot time of every test clock. */
    public static final Instant BOOT = Instant.parse("2024-03-01T10:00:00Z");

    private final ProcFs fs;
    private final ManualClock clock;

    private TestFs(ProcFs fs, ManualClock clock) {
        this.fs = fs;
        this.clock = clock;
    }

    /** A file system with one module {@code t} whose init runs the given code. */
    public static TestFs with(Consumer<ProcContext> init) {
        return withModules(Map.of("t", () -> module("t", init)));
    }

    /** A file system over the given module factories, all loaded, with the default render cap. */
    public static TestFs withModules(Map<String, Supplier<ProcModule>> modules) {
        return withModules(modules, ProcFsConfig.DEFAULT_RENDER_CAP);
    }

    /** A file system over the given module factories, all loaded, with the given render cap. */
    public static TestFs withModules(Map<String, Supplier<ProcModule>> modules, long renderCap) {
        ManualClock clock = new ManualClock(BOOT, Duration.ofSeconds(100));
        ProcFsConfig config = ProcFsConfig.defaults().withClock(clock).withRenderCap(renderCap);
        return new TestFs(ProcFs.start(config, new LinkedHashMap<>(modules)), clock);
    }

    /** A module with the given name whose init runs the given code. */
    public static ProcModule module(String name, Consumer<ProcContext> init) {
        return new ProcModule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void init(ProcContext context) {
                init.accept(context);
            }
        };
    }

    /** The file system under test. */
    public ProcFs fs() {
        return fs;
    }

    /** The frozen clock. */
    public ManualClock clock() {
        return clock;
    }

    /** Opens read-only as root. */
    public long open(String path) {
        return fs.open(path, OpenRequest.O_RDONLY, Caller.ROOT);
    }

    /** One read of up to {@code size} bytes at {@code offset}; the bytes read. */
    public byte[] read(long handle, long offset, int size) {
        byte[] buffer = new byte[size];
        int n = fs.read(handle, offset, size, ReadSink.of(buffer));
        return Arrays.copyOf(buffer, n);
    }

    /** Reads a whole file through one handle in sequential reads of {@code chunk} bytes, as cat does. */
    public byte[] readAll(String path, int chunk) {
        long handle = open(path);
        try {
            return readAll(handle, chunk);
        } finally {
            fs.release(handle);
        }
    }

    /** Reads from offset 0 to EOF through an open handle in sequential reads of {@code chunk} bytes. */
    public byte[] readAll(long handle, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long offset = 0;
        while (true) {
            byte[] got = read(handle, offset, chunk);
            if (got.length == 0) {
                return out.toByteArray();
            }
            out.write(got, 0, got.length);
            offset += got.length;
        }
    }

    /** A whole file as UTF-8 text, read in 128 KiB requests. */
    public String text(String path) {
        return new String(readAll(path, 128 * 1024), StandardCharsets.UTF_8);
    }

    /** Asserts the code fails with a ProcException carrying the given errno. */
    public static void assertErrno(Errno expected, Executable code) {
        ProcException e = assertThrows(ProcException.class, code);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    /** Numbered text lines cut to exactly {@code size} bytes. */
    public static byte[] lines(int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < size; i++) {
            text.append(String.format(java.util.Locale.ROOT, "line %06d of a test file\n", i));
        }
        return text.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    /** ASCII bytes. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
