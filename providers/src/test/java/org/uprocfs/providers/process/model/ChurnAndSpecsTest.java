package org.uprocfs.providers.process.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;

/** Fork times and pids of the short-lived processes, and how profile fields read. */
class ChurnAndSpecsTest {
    private static final Simulation SIM = new Simulation(ProfileLoader.loadDefault(), TableSamples.SEED);

    private static Churn churn() {
        return new Churn(TableSamples.SEED, 3.2, 2100, 32768, SIM.processes().population());
    }

    @Test
    void births_areOrderedAndCountedExactly() {
        Churn churn = churn();
        for (long k = 0; k < 500; k++) {
            assertTrue(churn.birth(k + 1) > churn.birth(k));
            assertEquals(k + 1, churn.count(churn.birth(k)));
            assertEquals(k, churn.count(churn.birth(k) - 1));
        }
    }

    @Test
    void pids_followBootThenWrapToReservedSkippingBootPids() {
        Churn churn = churn();
        assertEquals(2101, churn.pid(0));
        assertEquals(32767, churn.pid(32767 - 2101));
        int wrapped = churn.pid(32768 - 2101);
        assertTrue(wrapped >= Churn.RESERVED_PIDS && wrapped < 400, "wrapped to " + wrapped);
        Set<Integer> boot = new HashSet<>();
        for (Member m : SIM.processes().population().members) {
            for (int tid : m.tids) {
                boot.add(tid);
            }
        }
        for (long k = 32768 - 2101; k < 32768 - 2101 + 3000; k++) {
            assertTrue(!boot.contains(churn.pid(k)), "pid " + churn.pid(k) + " is held by a boot process");
        }
    }

    @Test
    void ttyNr_encodesAsNewEncodeDev() {
        assertEquals(34816, ProcessSpecs.ttyNr("pts/0"));
        assertEquals(34817, ProcessSpecs.ttyNr("pts/1"));
        assertEquals((300 & 0xff) | (136 << 8) | ((300 & ~0xff) << 12), ProcessSpecs.ttyNr("pts/300"));
        assertEquals(1025, ProcessSpecs.ttyNr("tty1"));
        assertEquals(1088, ProcessSpecs.ttyNr("ttyS0"));
        assertEquals(-1, ProcessSpecs.ttyNr("console"));
        assertEquals("/dev/pts/300", OpenFiles.ttyPath(ProcessSpecs.ttyNr("pts/300")));
    }

    @Test
    void pidMax_followsPidIdrInit() {
        assertEquals(32768, ProcessTable.pidMaxFor(1));
        assertEquals(32768, ProcessTable.pidMaxFor(32));
        assertEquals(65536, ProcessTable.pidMaxFor(64));
        assertEquals(ProcessTable.PID_MAX_LIMIT, ProcessTable.pidMaxFor(8192));
    }

    @Test
    void threadName_cutToTaskCommLen() {
        assertEquals("worker-2", ProcessSpecs.threadName("worker-%d", 3));
        assertEquals("http-nio-8080-e", ProcessSpecs.threadName("http-nio-8080-exec-1", 1));
    }
}
