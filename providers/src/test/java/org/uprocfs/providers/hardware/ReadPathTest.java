package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.profile.ProfileException;

/** Reading through the engine: paging, privilege-dependent content, module parameters and the shared model. */
class ReadPathTest {
    private static final Caller USER = new Caller(1000, 1000, 4242);

    @Test
    void kallsyms_readInFourKibPieces_equalsOneLargeRead() {
        try (HardwareFixture f = new HardwareFixture()) {
            byte[] whole = f.readBytes("kallsyms", Caller.ROOT, 64 << 20);
            byte[] pieces = f.readBytes("kallsyms", Caller.ROOT, SeqBuffer.PAGE_SIZE);
            assertTrue(whole.length > 4 << 20, "several MiB: " + whole.length);
            assertArrayEquals(whole, pieces);
        }
    }

    @Test
    void kallsyms_unprivilegedReader_seesZeroAddresses() {
        try (HardwareFixture f = new HardwareFixture()) {
            String line = f.read("kallsyms", USER, 4096).lines().findFirst().orElseThrow();
            assertTrue(line.startsWith("0000000000000000 "), line);
            assertTrue(f.read("kallsyms", Caller.ROOT, 4096).startsWith("ffffffff81"));
        }
    }

    @Test
    void iomemAndIoports_unprivilegedReader_seesZeroedRangesSameNames() {
        try (HardwareFixture f = new HardwareFixture()) {
            String user = f.read("iomem", USER, 4096);
            assertTrue(user.startsWith("00000000-00000000 : Reserved\n00000000-00000000 : System RAM\n"), user);
            assertEquals(f.read("iomem").replaceAll("[0-9a-f]+-[0-9a-f]+ :", ""),
                    user.replaceAll("[0-9a-f]+-[0-9a-f]+ :", ""));
            assertTrue(f.read("ioports", USER, 4096).contains("  0000-0000 : dma1\n"));
        }
    }

    @Test
    void seedParameter_otherSeed_changesCountersNotLayout() {
        try (HardwareFixture a = new HardwareFixture(); HardwareFixture b = new HardwareFixture(Map.of("seed", "7"))) {
            assertNotEquals(a.read("stat"), b.read("stat"));
            assertEquals(a.read("cpuinfo"), b.read("cpuinfo"));
        }
    }

    @Test
    void machineParameter_profileFile_isLoaded(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("board.json");
        try (var in = getClass().getResourceAsStream("/org/uprocfs/providers/hardware/profiles/board-1.json")) {
            Files.write(profile, in.readAllBytes());
        }
        try (HardwareFixture f = new HardwareFixture(Map.of("machine", profile.toString(), "seed", "1"))) {
            assertEquals(1, f.read("cpuinfo").lines().filter(l -> l.startsWith("processor")).count());
        }
    }

    @Test
    void machineParameter_missingFile_refusesModule(@TempDir Path dir) {
        Map<String, String> params = Map.of("machine", dir.resolve("nope.json").toString());
        RuntimeException e = assertThrows(RuntimeException.class, () -> new HardwareFixture(params).close());
        assertTrue(e instanceof ProfileException || e.getCause() instanceof ProfileException
                || e instanceof ProcException, e.toString());
    }

    @Test
    void version_afterHostnameChange_stillShowsBuildHost() {
        try (HardwareFixture f = new HardwareFixture()) {
            Machine machine = f.fs.modules().sharedObject(Machine.class).orElseThrow();
            machine.setHostname("renamed");
            assertEquals("renamed", machine.hostname());
            assertTrue(f.read("version").contains("(builder@uprocfs)"));
            assertTrue(!f.read("version").contains("renamed"));
        }
    }
}
