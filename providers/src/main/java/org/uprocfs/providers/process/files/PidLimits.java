package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.ResourceLimit;

/** {@code /proc/PID/limits}: the header and 16 rows of {@code proc_pid_limits} (fs/proc/base.c), its {@code lnames} table as data. */
public final class PidLimits {
    /** The kernel's {@code lnames}: name and unit of each RLIMIT, null where the row has no unit. */
    private static final String[][] NAMES = {
        {"Max cpu time", "seconds"},
        {"Max file size", "bytes"},
        {"Max data size", "bytes"},
        {"Max stack size", "bytes"},
        {"Max core file size", "bytes"},
        {"Max resident set", "bytes"},
        {"Max processes", "processes"},
        {"Max open files", "files"},
        {"Max locked memory", "bytes"},
        {"Max address space", "bytes"},
        {"Max file locks", "locks"},
        {"Max pending signals", "signals"},
        {"Max msgqueue size", "bytes"},
        {"Max nice priority", null},
        {"Max realtime priority", null},
        {"Max realtime timeout", "us"},
    };

    private PidLimits() {
    }

    /** {@code "%-25s %-20s %-20s %-10s\n"} rows; a row without a unit ends after the hard limit's column and space. */
    public static void show(SeqBuffer m, List<ResourceLimit> limits) {
        Cols.left(m, "Limit", 25).putc(' ');
        Cols.left(m, "Soft Limit", 20).putc(' ');
        Cols.left(m, "Hard Limit", 20).putc(' ');
        Cols.left(m, "Units", 10).putc('\n');
        for (int i = 0; i < ResourceLimit.COUNT; i++) {
            ResourceLimit limit = limits.get(i);
            Cols.left(m, NAMES[i][0], 25).putc(' ');
            Cols.left(m, value(limit.soft()), 20).putc(' ');
            Cols.left(m, value(limit.hard()), 20).putc(' ');
            if (NAMES[i][1] != null) {
                Cols.left(m, NAMES[i][1], 10);
            }
            m.putc('\n');
        }
    }

    private static String value(long limit) {
        return limit == ResourceLimit.UNLIMITED ? "unlimited" : Long.toUnsignedString(limit);
    }
}
