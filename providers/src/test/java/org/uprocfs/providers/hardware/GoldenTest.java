package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every hardware file rendered from the default profile, seed 42 and a frozen clock, compared byte for byte. */
class GoldenTest {
    private HardwareFixture fixture;

    @BeforeEach
    void start() {
        fixture = new HardwareFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void meminfo_frozenClock_matchesGolden() {
        assertGolden("meminfo");
    }

    @Test
    void cpuinfo_frozenClock_matchesGolden() {
        assertGolden("cpuinfo");
    }

    @Test
    void stat_frozenClock_matchesGolden() {
        assertGolden("stat");
    }

    @Test
    void uptime_frozenClock_matchesGolden() {
        assertGolden("uptime");
    }

    @Test
    void loadavg_frozenClock_matchesGolden() {
        assertGolden("loadavg");
    }

    @Test
    void version_frozenClock_matchesGolden() {
        assertGolden("version");
    }

    @Test
    void cmdline_frozenClock_matchesGolden() {
        assertGolden("cmdline");
    }

    private void assertGolden(String path) {
        assertEquals(golden(path), fixture.read(path), path);
    }

    static String golden(String path) {
        String resource = "golden/" + path.replace('/', '_') + ".txt";
        try (InputStream in = GoldenTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing golden file " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
