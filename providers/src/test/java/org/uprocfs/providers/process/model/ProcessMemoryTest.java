package org.uprocfs.providers.process.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ProcessMemory sums its VMAs the way task_mem reads the mm's counters. */
class ProcessMemoryTest {
    private static final long EXE = 0x5555_5555_4000L;

    private static Vma vma(long start, long kb, String perms, String name, long rss, long anon) {
        long shared = perms.endsWith("s") ? rss : 0;
        long privateDirty = perms.endsWith("s") ? 0 : anon;
        long privateClean = rss - shared - privateDirty;
        return new Vma(start, start + kb * 1024, perms, 0, 259, 2, name.startsWith("/") ? 42 : 0, name, rss, rss, 0,
                shared, privateClean, privateDirty, anon, 0);
    }

    private static ProcessMemory sample() {
        List<Vma> vmas = List.of(
                vma(EXE, 8, "r--p", "/usr/bin/cat", 8, 0),
                vma(EXE + 0x2000, 20, "r-xp", "/usr/bin/cat", 16, 0),
                vma(EXE + 0x7000, 8, "rw-p", "/usr/bin/cat", 8, 8),
                vma(EXE + 0x100000, 132, "rw-p", "[heap]", 40, 40),
                vma(0x7f00_0000_0000L, 64, "rw-s", "/dev/shm/x", 32, 0),
                vma(0x7f00_0010_0000L, 1620, "r-xp", "/usr/lib/x86_64-linux-gnu/libc.so.6", 900, 0),
                vma(0x7ffc_0000_0000L, 132, "rw-p", "[stack]", 24, 24),
                vma(0x7ffc_0100_0000L, 8, "r-xp", "[vdso]", 4, 0),
                vma(0xffff_ffff_ff60_0000L, 4, "--xp", "[vsyscall]", 0, 0));
        MemoryLayout layout = new MemoryLayout(EXE, EXE + 0x6ff0, EXE + 0x7010, EXE + 0x8ff0, EXE + 0x100000,
                EXE + 0x121000, 0x7ffc_0001_f000L, 0x7ffc_0002_0000L, 0x7ffc_0002_0010L, 0x7ffc_0002_0010L,
                0x7ffc_0002_0100L);
        return ProcessMemory.of(vmas, layout, 0, 0, 0, 48);
    }

    @Test
    void of_sumsSizesAndResidentPagesWithoutTheGate() {
        ProcessMemory m = sample();
        assertEquals(8 + 20 + 8 + 132 + 64 + 1620 + 132 + 8, m.vmSizeKb());
        assertEquals(8 + 16 + 8 + 40 + 32 + 900 + 24 + 4, m.vmRssKb());
        assertEquals(8 + 40 + 24, m.rssAnonKb());
        assertEquals(32, m.rssShmemKb());
        assertEquals(m.vmRssKb() - m.rssAnonKb() - m.rssShmemKb(), m.rssFileKb());
    }

    @Test
    void of_splitsDataStackTextAndLibrariesAsTaskMem() {
        ProcessMemory m = sample();
        assertEquals(8 + 132, m.vmDataKb(), "private writable mappings but the stack");
        assertEquals(132, m.vmStkKb());
        assertEquals(28, m.vmExeKb(), "from start_code to the page end of end_code");
        assertEquals(20 + 1620 + 8 - 28, m.vmLibKb(), "executable mappings less the text");
    }

    @Test
    void of_raisesPeakAndHighWaterMarkToTheCurrentValues() {
        ProcessMemory m = sample();
        assertEquals(m.vmSizeKb(), m.vmPeakKb());
        assertEquals(m.vmRssKb(), m.vmHwmKb());
    }

    @Test
    void constructor_rssNotAddingUp_refused() {
        ProcessMemory m = sample();
        assertThrows(IllegalArgumentException.class, () -> new ProcessMemory(m.vmPeakKb(), m.vmSizeKb(), 0, 0,
                m.vmHwmKb(), m.vmRssKb() + 1, m.rssAnonKb(), m.rssFileKb(), m.rssShmemKb(), m.vmDataKb(), m.vmStkKb(),
                m.vmExeKb(), m.vmLibKb(), m.vmPteKb(), 0, m.layout(), m.vmas()));
    }

    @Test
    void vma_residentAboveSize_refused() {
        assertThrows(IllegalArgumentException.class, () -> vma(EXE, 4, "rw-p", "", 8, 8));
    }
}
