package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks column layouts straight from the kernel's format strings, independent of the golden files. */
class LayoutTest {
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
    void meminfo_everyLine_hasLabelIn16ColumnsAndValueIn8() {
        for (String line : fixture.read("meminfo").split("\n")) {
            String head = line.endsWith(" kB") ? line.substring(0, line.length() - 3) : line;
            assertTrue(head.matches("[A-Za-z0-9_()]+: *\\d+"), line);
            int colon = head.indexOf(':');
            assertTrue(colon < 16, line);
            assertTrue(head.length() == 24 || head.charAt(15) == ' ' && head.length() > 24, line);
        }
    }

    @Test
    void cpuinfo_eachBlock_endsWithPowerManagementAndBlankLine() {
        String text = fixture.read("cpuinfo");
        String[] blocks = text.split("\n\n", -1);
        assertEquals(9, blocks.length, "8 blocks and the empty tail");
        assertTrue(blocks[0].startsWith("processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 142\n"));
        for (int i = 0; i < 8; i++) {
            assertTrue(blocks[i].endsWith("\npower management:"), blocks[i]);
        }
    }

    @Test
    void stat_cpuLine_hasTwoSpacesAndTenColumns() {
        List<String> lines = fixture.read("stat").lines().toList();
        assertTrue(lines.get(0).matches("cpu  \\d+( \\d+){9}"), lines.get(0));
        assertTrue(lines.get(1).matches("cpu0 \\d+( \\d+){9}"), lines.get(1));
        String intr = lines.stream().filter(l -> l.startsWith("intr ")).findFirst().orElseThrow();
        // One total and one count per descriptor: 2048 descriptors for 8 CPUs with 120 IO-APIC pins.
        assertEquals(1 + 2048, intr.split(" ").length - 1);
    }

    @Test
    void uptimeAndLoadavg_matchKernelPatterns() {
        assertTrue(fixture.read("uptime").matches("\\d+\\.\\d\\d \\d+\\.\\d\\d\n"));
        assertTrue(fixture.read("loadavg").matches("(\\d+\\.\\d\\d ){3}\\d+/\\d+ \\d+\n"));
    }
}
