package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.SimProcess;

/**
 * {@code cmdline}, {@code environ} and {@code comm}: the argument and environment strings of the mm
 * ({@code get_mm_cmdline}, {@code environ_read} of fs/proc/base.c) and the name ({@code comm_show}).
 */
public final class PidCmdline {
    private PidCmdline() {
    }

    /** Each argument NUL-terminated; nothing at all for a task without an mm (kernel threads, zombies). */
    public static void showCmdline(SeqBuffer m, SimProcess p) {
        if (p.memory() != null) {
            strings(m, p.argv());
        }
    }

    /**
     * Each {@code KEY=VALUE} NUL-terminated. The open of a task without an mm fails with ESRCH on 6.x
     * ({@code proc_mem_open} finds no mm to take), so the renderer refuses it the same way.
     */
    public static void showEnviron(SeqBuffer m, SimProcess p) {
        if (p.memory() == null) {
            throw new ProcException(Errno.ESRCH, "task " + p.tgid() + " has no mm");
        }
        strings(m, p.environ());
    }

    /** The name and a newline, not escaped ({@code comm_show}); pass the thread's name for task/TID/comm. */
    public static void showComm(SeqBuffer m, String comm) {
        CommBytes.put(m, comm);
        m.putc('\n');
    }

    private static void strings(SeqBuffer m, List<String> values) {
        for (String value : values) {
            m.puts(value).putc('\0');
        }
    }
}
