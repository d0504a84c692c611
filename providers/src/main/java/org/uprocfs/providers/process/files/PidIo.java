package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.IoCounters;

/** {@code /proc/PID/io} and {@code task/TID/io}: the seven counters of {@code do_io_accounting} (fs/proc/base.c). */
public final class PidIo {
    private PidIo() {
    }

    /** Pass {@code SimProcess.io()} for the group file, the thread's counters for task/TID/io. */
    public static void show(SeqBuffer m, IoCounters io) {
        m.puts("rchar: ").putLong(io.rchar())
                .puts("\nwchar: ").putLong(io.wchar())
                .puts("\nsyscr: ").putLong(io.syscr())
                .puts("\nsyscw: ").putLong(io.syscw())
                .puts("\nread_bytes: ").putLong(io.readBytes())
                .puts("\nwrite_bytes: ").putLong(io.writeBytes())
                .puts("\ncancelled_write_bytes: ").putLong(io.cancelledWriteBytes())
                .putc('\n');
    }
}
