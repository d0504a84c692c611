package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;

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

    @Test
    void interrupts_frozenClock_matchesGolden() {
        assertGolden("interrupts");
    }

    @Test
    void softirqs_frozenClock_matchesGolden() {
        assertGolden("softirqs");
    }

    @Test
    void iomem_frozenClock_matchesGolden() {
        assertGolden("iomem");
    }

    @Test
    void ioports_frozenClock_matchesGolden() {
        assertGolden("ioports");
    }

    @Test
    void dma_frozenClock_matchesGolden() {
        assertGolden("dma");
    }

    @Test
    void devices_frozenClock_matchesGolden() {
        assertGolden("devices");
    }

    @Test
    void partitions_frozenClock_matchesGolden() {
        assertGolden("partitions");
    }

    @Test
    void diskstats_frozenClock_matchesGolden() {
        assertGolden("diskstats");
    }

    @Test
    void filesystems_frozenClock_matchesGolden() {
        assertGolden("filesystems");
    }

    @Test
    void swaps_frozenClock_matchesGolden() {
        assertGolden("swaps");
    }

    @Test
    void vmstat_frozenClock_matchesGolden() {
        assertGolden("vmstat");
    }

    @Test
    void buddyinfo_frozenClock_matchesGolden() {
        assertGolden("buddyinfo");
    }

    @Test
    void mounts_frozenClock_matchesGolden() {
        assertGolden("mounts");
    }

    @Test
    void netDev_frozenClock_matchesGolden() {
        assertGolden("net/dev");
    }

    @Test
    void netRoute_frozenClock_matchesGolden() {
        assertGolden("net/route");
    }

    @Test
    void netArp_frozenClock_matchesGolden() {
        assertGolden("net/arp");
    }

    @Test
    void busPciDevices_frozenClock_matchesGolden() {
        assertGolden("bus/pci/devices");
    }

    @Test
    void kallsyms_frozenClock_matchesGoldenHeadAndDigest() throws Exception {
        String text = fixture.read("kallsyms", Caller.ROOT, 1 << 20);
        String head = text.lines().limit(40).map(line -> line + "\n").reduce("", String::concat);
        assertEquals(golden("kallsyms_head"), head);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(resource("golden/kallsyms.sha256").trim(), HexFormat.of().formatHex(digest));
    }

    private void assertGolden(String path) {
        assertEquals(golden(path), fixture.read(path), path);
    }

    static String golden(String path) {
        return resource("golden/" + path.replace('/', '_') + ".txt");
    }

    static String resource(String resource) {
        try (InputStream in = GoldenTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing golden file " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
