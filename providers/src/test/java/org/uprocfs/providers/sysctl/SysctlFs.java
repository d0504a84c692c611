package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.io.ReadSink;

/** A real engine with the sysctl modules loaded, and the syscalls tests need, spoken in paths and strings. */
final class SysctlFs implements AutoCloseable {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    private static final Map<String, Supplier<ProcModule>> MODULES = Map.of(
            "sysctl", SysctlModule::new, "howto_sysctl", HowtoSysctlModule::new);

    final ProcFs fs;

    private SysctlFs(ProcFs fs) {
        this.fs = fs;
    }

    /** Only the sysctl module, values in memory. */
    static SysctlFs start() {
        return start(Map.of(), List.of("sysctl"));
    }

    /** The given modules with the given module parameters. */
    static SysctlFs start(Map<String, String> parameters, List<String> modules) {
        return new SysctlFs(ProcFs.start(ProcFsConfig.defaults().withParameters(parameters).withModules(modules),
                MODULES));
    }

    /** One write(2) at {@code offset} through a fresh O_WRONLY handle, as root. */
    int write(String path, byte[] data, long offset) {
        long handle = fs.open(path, O_WRONLY, Caller.ROOT);
        try {
            return fs.write(handle, offset, data);
        } finally {
            fs.release(handle);
        }
    }

    int write(String path, String text) {
        return write(path, text.getBytes(StandardCharsets.UTF_8), 0);
    }

    /** The errno a write of {@code text} fails with. */
    Errno writeFails(String path, String text) {
        return assertThrows(ProcException.class, () -> write(path, text)).errno();
    }

    /** One read(2) of up to {@code size} bytes at {@code offset}. */
    byte[] read(String path, long offset, int size) {
        long handle = fs.open(path, O_RDONLY, Caller.ROOT);
        try {
            byte[] buffer = new byte[size];
            int n = fs.read(handle, offset, size, ReadSink.of(buffer));
            return Arrays.copyOf(buffer, n);
        } finally {
            fs.release(handle);
        }
    }

    /** What {@code cat} shows: one read at 0 of a page. */
    String cat(String path) {
        return new String(read(path, 0, 4096), StandardCharsets.UTF_8);
    }

    /** The shared table, once a module made it. */
    SysctlTable table() {
        return fs.modules().sharedObject(SysctlTable.class).orElseThrow();
    }

    @Override
    public void close() {
        fs.shutdown();
    }
}
