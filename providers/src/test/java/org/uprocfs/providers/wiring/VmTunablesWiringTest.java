package org.uprocfs.providers.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmTunablesWiringTest {

    @Test
    void swappinessZero_leavesSwapUnused() {
        try (WiredFs w = WiredFs.load("hardware", "sysctl")) {
            assertTrue(w.meminfo("SwapFree") < w.meminfo("SwapTotal"), "the profile uses some swap");
            w.write("/sys/vm/swappiness", "0");
            assertEquals(w.meminfo("SwapTotal"), w.meminfo("SwapFree"));
            assertEquals(0, w.meminfo("SwapCached"));
        }
    }

    @Test
    void swappinessRaised_usesMoreSwap() {
        try (WiredFs w = WiredFs.load("sysctl", "hardware")) {
            long usedAtDefault = w.meminfo("SwapTotal") - w.meminfo("SwapFree");
            w.write("/sys/vm/swappiness", "120");
            long usedAtHigh = w.meminfo("SwapTotal") - w.meminfo("SwapFree");
            assertTrue(usedAtHigh > usedAtDefault, usedAtHigh + " <= " + usedAtDefault);
        }
    }

    @Test
    void swappiness_swapsFileAgreesWithMeminfo() {
        try (WiredFs w = WiredFs.load("hardware", "sysctl")) {
            w.write("/sys/vm/swappiness", "150");
            long used = w.cat("/swaps").lines().skip(1)
                    .mapToLong(line -> Long.parseLong(line.split("\\s+")[3])).sum();
            long meminfoUsed = w.meminfo("SwapTotal") - w.meminfo("SwapFree");
            // Each area's share is rounded down, so the file may miss a kB per area.
            assertTrue(meminfoUsed - used >= 0 && meminfoUsed - used < 4, used + " vs " + meminfoUsed);
        }
    }

    @Test
    void overcommitRatio_setsCommitLimit() {
        try (WiredFs w = WiredFs.load("hardware", "sysctl")) {
            assertEquals(w.meminfo("MemTotal") / 2 + w.meminfo("SwapTotal"), w.meminfo("CommitLimit"));
            w.write("/sys/vm/overcommit_ratio", "100");
            assertEquals(w.meminfo("MemTotal") + w.meminfo("SwapTotal"), w.meminfo("CommitLimit"));
        }
    }

    @Test
    void overcommitNever_capsCommittedAsAtCommitLimit(@TempDir Path dir) throws IOException {
        // board-1 has no swap, so a low ratio brings CommitLimit below what the workload commits.
        Map<String, String> board = Map.of("machine", WiredFs.profile(dir, "board-1").toString());
        try (WiredFs w = WiredFs.load(board, "hardware", "sysctl")) {
            w.write("/sys/vm/overcommit_ratio", "10");
            assertTrue(w.meminfo("Committed_AS") > w.meminfo("CommitLimit"), "heuristic mode lets it exceed");
            w.write("/sys/vm/overcommit_memory", "2");
            assertEquals(w.meminfo("CommitLimit"), w.meminfo("Committed_AS"));
            w.write("/sys/vm/overcommit_memory", "0");
            assertTrue(w.meminfo("Committed_AS") > w.meminfo("CommitLimit"));
        }
    }

    @Test
    void withoutSysctl_memoryUsesKernelDefaults() {
        try (WiredFs alone = WiredFs.load("hardware"); WiredFs wired = WiredFs.load("hardware", "sysctl")) {
            assertEquals(wired.cat("/meminfo"), alone.cat("/meminfo"));
            assertEquals(wired.cat("/vmstat"), alone.cat("/vmstat"));
        }
    }
}
