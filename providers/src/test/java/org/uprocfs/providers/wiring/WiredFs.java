package org.uprocfs.providers.wiring;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.io.ReadSink;
import org.uprocfs.providers.hardware.HardwareModule;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.kmsg.KmsgModule;
import org.uprocfs.providers.sysctl.SysctlModule;

/** A file system with the wired modules loaded in a chosen order, a frozen clock and a fixed seed. */
final class WiredFs implements AutoCloseable {
    static final Caller USER = new Caller(1000, 1000, 4242);
    private static final Map<String, Supplier<ProcModule>> MODULES = Map.of(
            "hardware", HardwareModule::new, "sysctl", SysctlModule::new, "kmsg", KmsgModule::new);

    final ProcFs fs;

    private WiredFs(ProcFs fs) {
        this.fs = fs;
    }

    /** The modules loaded in exactly this order. */
    static WiredFs load(String... modules) {
        return load(Map.of(), modules);
    }

    /** The modules loaded in exactly this order, with extra module parameters. */
    static WiredFs load(Map<String, String> parameters, String... modules) {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-15T08:00:00Z"), Duration.ofHours(2));
        Map<String, String> all = new HashMap<>(parameters);
        all.putIfAbsent("seed", "42");
        return new WiredFs(ProcFs.start(ProcFsConfig.defaults().withClock(clock).withParameters(all)
                .withModules(List.of(modules)), MODULES));
    }

    /** Copies a bundled machine profile ({@code board-1}) to a file, for the {@code machine} parameter. */
    static Path profile(Path directory, String name) throws IOException {
        Path file = directory.resolve(name + ".json");
        try (InputStream in = WiredFs.class.getResourceAsStream(
                "/org/uprocfs/providers/hardware/profiles/" + name + ".json")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    /** The machine the hardware module published. */
    Machine machine() {
        return fs.modules().sharedObject(Machine.class).orElseThrow();
    }

    String cat(String path) {
        return cat(path, Caller.ROOT);
    }

    String cat(String path, Caller caller) {
        long handle = fs.open(path, 0, caller);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long offset = 0;
            int n;
            while ((n = fs.read(handle, offset, buf.length, ReadSink.of(buf))) > 0) {
                out.write(buf, 0, n);
                offset += n;
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            fs.release(handle);
        }
    }

    /** One write(2) as root, like {@code echo text > path}. */
    int write(String path, String text) {
        long handle = fs.open(path, 1, Caller.ROOT);
        try {
            return fs.write(handle, 0, text.getBytes(StandardCharsets.UTF_8));
        } finally {
            fs.release(handle);
        }
    }

    /** The errno an open for reading by {@code caller} fails with. */
    Errno openFails(String path, Caller caller) {
        return assertThrows(ProcException.class, () -> fs.release(fs.open(path, 0, caller))).errno();
    }

    /** The value of one meminfo line, in kB. */
    long meminfo(String field) {
        return cat("/meminfo").lines()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " in meminfo"));
    }

    @Override
    public void close() {
        fs.shutdown();
    }
}
