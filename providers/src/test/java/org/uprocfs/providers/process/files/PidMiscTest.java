package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.PidFixtures.render;

import org.junit.jupiter.api.Test;
import org.uprocfs.providers.process.model.SimProcess;

/** The namespace, autogroup, core dump and KSM files, as a 6.18 kernel prints them for an ordinary task. */
class PidMiscTest {
    private static final SimProcess JAVA = PidFixtures.java();
    private static final SimProcess KWORKER = PidFixtures.kworker();

    @Test
    void idMapSetgroupsAndTimens_showTheInitialNamespaces() {
        assertEquals("         0          0 4294967295\n", render(PidMisc::showIdMap));
        assertEquals("allow\n", render(PidMisc::showSetgroups));
        assertEquals("monotonic           0         0\nboottime            0         0\n",
                render(PidMisc::showTimensOffsets));
    }

    @Test
    void autogroup_namesTheGroupAndItsNice() {
        assertEquals("/autogroup-49 nice 0\n", render(m -> PidMisc.showAutogroup(m, 49, 0)));
    }

    @Test
    void mmFiles_userProcess_haveTheirValues() {
        assertEquals("00000033\n", render(m -> PidMisc.showCoredumpFilter(m, JAVA)));
        assertEquals("0\n", render(m -> PidMisc.showKsmMergingPages(m, JAVA)));
        assertEquals(6, render(m -> PidMisc.showKsmStat(m, JAVA)).lines().count());
    }

    @Test
    void mmFiles_kernelThread_areEmpty() {
        assertEquals("", render(m -> PidMisc.showCoredumpFilter(m, KWORKER)));
        assertEquals("", render(m -> PidMisc.showKsmMergingPages(m, KWORKER)));
        assertEquals("", render(m -> PidMisc.showKsmStat(m, KWORKER)));
    }
}
