package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.PidFixtures.golden;
import static org.uprocfs.providers.process.files.PidFixtures.render;

import org.junit.jupiter.api.Test;
import org.uprocfs.providers.process.model.SimProcess;

/** Each renderer against a golden file typed from the kernel's format strings. */
class PidGoldenTest {
    private static final SimProcess JAVA = PidFixtures.java();
    private static final SimProcess KWORKER = PidFixtures.kworker();
    private static final SimProcess ZOMBIE = PidFixtures.zombie();
    private static final SimProcess WEIRD = PidFixtures.weird();

    @Test
    void stat_groupOfThreeThreads_sumsThreadsAndHidesWchanFlag() {
        assertEquals(golden("stat_java_group.txt"), render(m -> PidStat.showGroup(m, JAVA, true)));
    }

    @Test
    void stat_taskFile_isPerThreadWithTidAndExitSignalMinusOne() {
        assertEquals(golden("stat_java_task1240.txt"),
                render(m -> PidStat.showThread(m, JAVA, JAVA.thread(1240), true)));
    }

    @Test
    void stat_notPermitted_showsCodeBoundsAsOneAndTheRestZero() {
        assertEquals(golden("stat_java_denied.txt"), render(m -> PidStat.showGroup(m, JAVA, false)));
    }

    @Test
    void stat_kernelThread_hasPfKthreadAndZeroVsize() {
        assertEquals(golden("stat_kworker.txt"), render(m -> PidStat.showGroup(m, KWORKER, true)));
    }

    @Test
    void stat_zombie_hasStateZAndWaitStatus() {
        assertEquals(golden("stat_zombie.txt"), render(m -> PidStat.showGroup(m, ZOMBIE, true)));
    }

    @Test
    void stat_commWithParenthesesAndNewline_isPrintedRaw() {
        assertEquals(golden("stat_weird.txt"), render(m -> PidStat.showGroup(m, WEIRD, true)));
    }

    @Test
    void status_userProcess_hasEveryLineInKernelOrder() {
        assertEquals(golden("status_java.txt"), render(m -> PidStatus.show(m, JAVA, JAVA.leader(), 2)));
    }

    @Test
    void status_thread_showsItsNamePidAndSwitches() {
        assertEquals(golden("status_java_task1241.txt"),
                render(m -> PidStatus.show(m, JAVA, JAVA.thread(1241), 2)));
    }

    @Test
    void status_kernelThread_omitsTheVmBlock() {
        assertEquals(golden("status_kworker.txt"), render(m -> PidStatus.show(m, KWORKER, KWORKER.leader(), 2)));
    }

    @Test
    void status_zombie_omitsUmaskAndVmBlockWithFdSizeZero() {
        assertEquals(golden("status_zombie.txt"), render(m -> PidStatus.show(m, ZOMBIE, ZOMBIE.leader(), 2)));
    }

    @Test
    void status_weirdName_escapesBackslashAndNewline() {
        assertEquals(golden("status_weird.txt"), render(m -> PidStatus.show(m, WEIRD, WEIRD.leader(), 2)));
    }

    @Test
    void maps_userProcess_padsNamesToColumn73AndEndsWithTheGate() {
        assertEquals(golden("maps_java.txt"), render(m -> PidMaps.showMaps(m, JAVA)));
    }

    @Test
    void smaps_twoMappings_haveEveryLineAndVmFlags() {
        assertEquals(golden("smaps_weird.txt"), render(m -> PidMaps.showSmaps(m, WEIRD)));
    }

    @Test
    void smapsRollup_userProcess_sumsAllButTheGate() {
        assertEquals(golden("smaps_rollup_java.txt"), render(m -> PidMaps.showSmapsRollup(m, JAVA)));
    }

    @Test
    void limits_defaults_haveTheKernelColumnWidths() {
        assertEquals(golden("limits_java.txt"), render(m -> PidLimits.show(m, JAVA.limits())));
    }

    @Test
    void sched_sleepingLeader_hasHeaderDashesAndKeyValueLines() {
        assertEquals(golden("sched_java.txt"),
                render(m -> PidSched.showSched(m, JAVA, JAVA.leader(), 400_000_000_000L, 2)));
    }
}
