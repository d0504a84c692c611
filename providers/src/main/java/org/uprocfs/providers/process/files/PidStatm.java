package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.MemoryLayout;
import org.uprocfs.providers.process.model.ProcessMemory;
import org.uprocfs.providers.process.model.SimProcess;

/** {@code /proc/PID/statm}: seven page counts from {@code proc_pid_statm} and {@code task_statm}, zeros without an mm. */
public final class PidStatm {
    private PidStatm() {
    }

    /** {@code size resident shared text lib data dt}, lib and dt always 0. */
    public static void show(SeqBuffer m, SimProcess p) {
        ProcessMemory mem = p.memory();
        if (mem == null) {
            m.puts("0 0 0 0 0 0 0\n");
            return;
        }
        MemoryLayout layout = mem.layout();
        // task_statm: text = (PAGE_ALIGN(end_code) - (start_code & PAGE_MASK)) >> PAGE_SHIFT, not clamped.
        long text = (((layout.endCode() + 0xfff) & ~0xfffL) - (layout.startCode() & ~0xfffL)) >> 12;
        m.putLong(mem.vmSizeKb() / 4).putc(' ')
                .putLong(mem.vmRssKb() / 4).putc(' ')
                .putLong((mem.rssFileKb() + mem.rssShmemKb()) / 4).putc(' ')
                .putLong(text).puts(" 0 ")
                .putLong((mem.vmDataKb() + mem.vmStkKb()) / 4).puts(" 0\n");
    }
}
