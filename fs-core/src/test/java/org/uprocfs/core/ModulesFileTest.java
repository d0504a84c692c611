package org.uprocfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.io.ReadSink;

/** The modules file: the kernel's m_show format, newest module first. */
class ModulesFileTest {
    private final ProcFs fs = ProcFs.start(ProcFsConfig.defaults()
            .withClock(new ManualClock(TestFs.BOOT, Duration.ZERO)).withModules(List.of()),
            Map.of("fortune", () -> TestFs.module("fortune", context -> { }), "howto", howto()));

    @Test
    void read_noModules_isEmpty() {
        assertEquals("", text());
    }

    @Test
    void read_modulesLoaded_listsThemNewestFirstInKernelFormat() {
        fs.loadModule("fortune");
        fs.loadModule("howto");

        assertEquals("howto 20480 0 fortune, Live 0x0000000000000000\n"
                + "fortune 16384 0 - Live 0x0000000000000000\n", text());
    }

    @Test
    void read_afterUnload_dropsTheModule() {
        fs.loadModule("fortune");
        fs.loadModule("howto");
        fs.unloadModule("fortune");

        assertEquals("howto 20480 0 fortune, Live 0x0000000000000000\n", text());
    }

    @Test
    void stat_isA0444RootOwnedFile() {
        EntryStat stat = fs.stat("/modules");

        assertEquals(EntryStat.Kind.FILE, stat.kind());
        assertEquals(0444, stat.mode());
        assertEquals(0, stat.uid());
    }

    private String text() {
        long handle = fs.open("/modules", 0, Caller.ROOT);
        byte[] buffer = new byte[4096];
        int n = fs.read(handle, 0, buffer.length, ReadSink.of(buffer));
        fs.release(handle);
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private static Supplier<ProcModule> howto() {
        return () -> new ProcModule() {
            @Override
            public String name() {
                return "howto";
            }

            @Override
            public void init(ProcContext context) {
            }

            @Override
            public long size() {
                return 20480;
            }

            @Override
            public List<String> dependencies() {
                return List.of("fortune");
            }
        };
    }
}
