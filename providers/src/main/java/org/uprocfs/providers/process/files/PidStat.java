package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.MemoryLayout;
import org.uprocfs.providers.process.model.ProcessMemory;
import org.uprocfs.providers.process.model.ResourceLimit;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;
import org.uprocfs.providers.process.model.TaskState;

/**
 * {@code /proc/PID/stat} and {@code task/TID/stat}: the 52 fields of {@code do_task_stat} (fs/proc/array.c).
 *
 * <p>Field 1 and the comm, state, start time, processor and wchan flag are the given thread's; with
 * {@code whole} (the top-level file, {@code proc_tgid_stat}) faults and CPU times are the group's sums,
 * without it ({@code proc_tid_stat}) the thread's own. A reader that may not ptrace the task
 * ({@code permitted} false) sees 1 for startcode/endcode, 0 for the other addresses and for exit_code.
 */
public final class PidStat {
    /** The sigset words stat prints are the low 31 bits, decimal, for Linux 2.0 compatibility. */
    private static final long OBSOLETE_SIGNAL_MASK = 0x7fffffffL;

    private PidStat() {
    }

    /** The top-level file of a thread group, as read through its leader's pid. */
    public static void showGroup(SeqBuffer m, SimProcess p, boolean permitted) {
        show(m, p, p.leader(), true, permitted);
    }

    /** The per-thread file under {@code task/TID/}. */
    public static void showThread(SeqBuffer m, SimProcess p, SimThread t, boolean permitted) {
        show(m, p, t, false, permitted);
    }

    /** One stat line for thread {@code t} of {@code p}; {@code whole} sums the group as {@code proc_tgid_stat} does. */
    public static void show(SeqBuffer m, SimProcess p, SimThread t, boolean whole, boolean permitted) {
        ProcessMemory mem = p.memory();
        MemoryLayout layout = mem == null ? null : mem.layout();
        boolean leader = t.tid() == p.tgid();
        int threads = p.numThreads();
        // do_task_stat: the flag says whether /proc/PID/wchan has a symbol; a group with threads hides it.
        boolean wchan = permitted && (!whole || threads < 2) && t.state() != TaskState.RUNNING;

        m.putLong(t.tid()).puts(" (");
        CommBytes.put(m, t.comm());
        m.puts(") ").putc(t.state().letter());
        sp(m, p.ppid());
        sp(m, p.pgrp());
        sp(m, p.sid());
        sp(m, p.ttyNr());
        sp(m, p.tpgid());
        sp(m, p.flags());
        sp(m, whole ? p.minflt() : t.minflt());
        sp(m, p.cminflt());
        sp(m, whole ? p.majflt() : t.majflt());
        sp(m, p.cmajflt());
        sp(m, whole ? p.utimeTicks() : t.utimeTicks());
        sp(m, whole ? p.stimeTicks() : t.stimeTicks());
        sp(m, p.cutimeTicks());
        sp(m, p.cstimeTicks());
        sp(m, p.priority());
        sp(m, p.nice());
        sp(m, threads);
        sp(m, 0);
        sp(m, t.startTicks());
        sp(m, mem == null ? 0 : mem.vmSizeKb() * 1024);
        sp(m, mem == null ? 0 : mem.vmRssKb() / 4);
        m.putc(' ');
        Cols.unsigned(m, p.limits().get(ResourceLimit.RSS).soft());
        sp(m, layout == null ? 0 : permitted ? layout.startCode() : 1);
        sp(m, layout == null ? 0 : permitted ? layout.endCode() : 1);
        sp(m, layout != null && permitted ? layout.startStack() : 0);
        // kstkesp and kstkeip: zeroed since 4.x unless the task is dumping core with an mm.
        m.puts(" 0 0");
        sp(m, p.signals().pending() & OBSOLETE_SIGNAL_MASK);
        sp(m, p.signals().blocked() & OBSOLETE_SIGNAL_MASK);
        sp(m, p.signals().ignored() & OBSOLETE_SIGNAL_MASK);
        sp(m, p.signals().caught() & OBSOLETE_SIGNAL_MASK);
        sp(m, wchan ? 1 : 0);
        m.puts(" 0 0");
        // Only the leader signals its parent at exit; other threads carry exit_signal -1.
        sp(m, leader ? p.exitSignal() : -1);
        sp(m, t.processor());
        sp(m, p.rtPriority());
        sp(m, p.policy());
        sp(m, p.delayBlkioTicks());
        // guest_time and cguest_time: no simulated task runs a virtual CPU.
        m.puts(" 0 0");
        if (layout != null && permitted) {
            sp(m, layout.startData());
            sp(m, layout.endData());
            sp(m, layout.startBrk());
            sp(m, layout.argStart());
            sp(m, layout.argEnd());
            sp(m, layout.envStart());
            sp(m, layout.envEnd());
        } else {
            m.puts(" 0 0 0 0 0 0 0");
        }
        sp(m, permitted ? p.exitCode() : 0);
        m.putc('\n');
    }

    private static void sp(SeqBuffer m, long value) {
        m.putc(' ').putLong(value);
    }
}
