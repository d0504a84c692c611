package org.uprocfs.providers.process.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;

/** The table moves in jiffies: every instant of one jiffy is answered by the snapshot of its first nanosecond. */
class ProcessTableJiffyTest {
    private static final long JIFFY = ProcessTable.JIFFY_NANOS;
    private static final long T = 3_600L * 1_000_000_000L + 7 * JIFFY;

    private final ProcessTable table = new Simulation(ProfileLoader.loadDefault(), 42).processes();

    @Test
    void at_withinOneJiffy_isOneSnapshotAtItsStart() {
        ProcessSnapshot first = table.at(T + 1);
        assertEquals(T, first.uptimeNanos());
        assertSame(first, table.at(T));
        assertSame(first, table.at(T + JIFFY - 1));
        assertSame(first.process(1), table.at(T + JIFFY / 2).process(1));
    }

    @Test
    void at_nextJiffy_isANewSnapshot() {
        ProcessSnapshot first = table.at(T);
        ProcessSnapshot next = table.at(T + JIFFY);
        assertNotSame(first, next);
        assertEquals(T + JIFFY, next.uptimeNanos());
    }

    @Test
    void jiffyFloor_roundsDownToTheBoundary() {
        assertEquals(0, ProcessTable.jiffyFloor(JIFFY - 1));
        assertEquals(JIFFY, ProcessTable.jiffyFloor(JIFFY));
        assertEquals(4_000_000L, JIFFY);
    }
}
