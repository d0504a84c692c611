package org.uprocfs.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.io.ReadSink;
import org.uprocfs.core.module.ModuleRegistry;

/** The seed modules found through ServiceLoader, loaded together, as the daemon would load them. */
class SeedModulesTest {
    private static final List<String> SEEDS = List.of("fortune", "etx_proc", "procfs_example", "howto", "kmsg");

    @Test
    void serviceFile_registersEverySeedModule() {
        List<String> found = List.copyOf(ModuleRegistry.discover(getClass().getClassLoader()).keySet());

        assertTrue(found.containsAll(SEEDS), "discovered " + found);
    }

    @Test
    void allSeeds_loadTogether_andKmsgShowsTheirLoadLines() {
        ProcFs fs = ProcFs.start(ProcFsConfig.defaults()
                .withClock(new ManualClock(Instant.parse("2024-01-01T00:00:00Z"), Duration.ofSeconds(5)))
                .withModules(SEEDS));
        try {
            assertTrue(fs.list("/").containsAll(List.of("fortune", "etx_proc", "procfs_example", "test", "kmsg")),
                    fs.list("/").toString());
            long handle = fs.open("/kmsg", OpenRequest.O_RDONLY | OpenRequest.O_NONBLOCK, Caller.ROOT);
            byte[] buffer = new byte[4096];
            String log = new String(buffer, 0, fs.read(handle, 0, buffer.length, ReadSink.of(buffer)),
                    StandardCharsets.UTF_8);
            fs.release(handle);

            assertTrue(log.startsWith("<6>fortune: Module loaded.\n"), log);
            assertTrue(log.contains("<6>etx_proc: device driver inserted"), log);
            assertTrue(log.contains("<6>procfs_example: version 1.0 loaded\n"), log);

            fs.unloadModule("fortune");
            assertEquals(List.of(), fs.list("/").stream().filter("fortune"::equals).toList());
        } finally {
            fs.shutdown();
        }
    }
}
