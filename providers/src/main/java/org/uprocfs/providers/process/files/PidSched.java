package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;
import org.uprocfs.providers.process.model.TaskState;

/**
 * {@code sched} and {@code schedstat}: {@code proc_sched_show_task} (kernel/sched/debug.c, the lines a 6.18
 * EEVDF kernel with NUMA balancing prints) and {@code proc_pid_schedstat} (fs/proc/base.c), per task.
 */
public final class PidSched {
    /** sched_prio_to_weight (kernel/sched/core.c): the load weight of nice -20 to 19. */
    private static final int[] WEIGHTS = {
        88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
        110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
    };
    /** SCHED_FIXEDPOINT_SHIFT: se.load.weight is the table value scaled up by 2^10 on 64-bit. */
    private static final int FIXEDPOINT_SHIFT = 10;
    /** sysctl_sched_base_slice before scaling by CPU count: 0.7 ms. */
    private static final long BASE_SLICE_NS = 700_000;
    private static final long NSEC_PER_TICK = 10_000_000;
    /** PF_WQ_WORKER: the kernel thread is a workqueue worker, whose long name carries its current work. */
    private static final long PF_WQ_WORKER = 0x20;

    private PidSched() {
    }

    /** {@code ns-on-cpu ns-waiting timeslices}: the thread's own counters (the leader's for /proc/PID). */
    public static void showSchedstat(SeqBuffer m, SimThread t) {
        m.putLong(t.runNanos()).putc(' ').putLong(t.waitNanos()).putc(' ').putLong(t.timeslices()).putc('\n');
    }

    /**
     * The header {@code comm (tid, #threads: n)}, the dashed line and the {@code %-45s:%21Ld} lines;
     * {@code uptimeNanos} bounds the clock values, {@code nrCpus} scales the base slice as the kernel does.
     */
    public static void showSched(SeqBuffer m, SimProcess p, SimThread t, long uptimeNanos, int nrCpus) {
        CommBytes.put(m, taskComm(p, t));
        m.puts(" (").putLong(t.tid()).puts(", #threads: ").putLong(p.numThreads()).puts(")\n");
        m.puts("-------------------------------------------------------------------\n");
        long weight = weight(p);
        long sum = t.runNanos();
        // The rq clock when the thread last ran: now while it runs; a sleeper ran within the last few seconds
        // (a spread drawn from its tid), but not before it had been started and used its run and wait time.
        long earliest = Math.min(uptimeNanos, t.startTicks() * NSEC_PER_TICK + sum + t.waitNanos());
        long lastRun = t.state() == TaskState.RUNNING ? uptimeNanos
                : Math.max(earliest, uptimeNanos - Math.floorMod(t.tid() * 7919L, 5000L) * 1_000_000L);
        boolean running = t.state() == TaskState.RUNNING;
        long utilAvg = running ? 434 : 0;
        nanos(m, "se.exec_start", lastRun);
        nanos(m, "se.vruntime", sum * 1024 / Math.max(1, weight >> FIXEDPOINT_SHIFT));
        nanos(m, "se.sum_exec_runtime", sum);
        value(m, "se.nr_migrations", t.migrations());
        value(m, "nr_switches", t.voluntaryCtxt() + t.nonvoluntaryCtxt());
        value(m, "nr_voluntary_switches", t.voluntaryCtxt());
        value(m, "nr_involuntary_switches", t.nonvoluntaryCtxt());
        value(m, "se.load.weight", weight);
        // PELT sums decay while a task sleeps; a sleeper keeps only a trace of its last run.
        value(m, "se.avg.load_sum", running ? 47502 : 50);
        value(m, "se.avg.runnable_sum", running ? 24059794 : 51200);
        value(m, "se.avg.util_sum", running ? 20636266 : 51200);
        value(m, "se.avg.load_avg", running ? 1023 : 0);
        value(m, "se.avg.runnable_avg", running ? 506 : 0);
        value(m, "se.avg.util_avg", utilAvg);
        value(m, "se.avg.last_update_time", lastRun / 1024 * 1024);
        value(m, "se.avg.util_est", utilAvg);
        value(m, "policy", p.policy());
        value(m, "prio", prio(p));
        value(m, "se.slice", BASE_SLICE_NS * (1 + log2(Math.min(Math.max(nrCpus, 1), 8))));
        value(m, "clock-delta", 25);
        // sched_show_numa: the scan sequence only for a task with an mm.
        if (p.memory() != null) {
            value(m, "mm->numa_scan_seq", 0);
        }
        value(m, "numa_pages_migrated", 0);
        value(m, "numa_preferred_nid", -1);
        value(m, "total_numa_faults", 0);
        m.puts("current_node=0, numa_group_id=0\n");
        m.puts("numa_faults node=0 task_private=0 task_shared=0 group_private=0 group_shared=0\n");
    }

    /**
     * The raw 16-byte {@code task->comm} sched prints, not proc_task_name's long form: a workqueue worker
     * without its {@code -description} suffix, any kernel thread's long name cut to 15 bytes.
     */
    static String taskComm(SimProcess p, SimThread t) {
        String comm = t.comm();
        if (!p.kernelThread()) {
            return comm;
        }
        int dash = comm.indexOf('-', "kworker/".length());
        if ((p.flags() & PF_WQ_WORKER) != 0 && comm.startsWith("kworker/") && dash > 0) {
            comm = comm.substring(0, dash);
        }
        return comm.length() > 15 ? comm.substring(0, 15) : comm;
    }

    /** The kernel's prio: 120 + nice for fair tasks, 99 - rt_priority for FIFO and RR. */
    static int prio(SimProcess p) {
        return p.policy() == 1 || p.policy() == 2 ? 99 - p.rtPriority() : 120 + p.nice();
    }

    private static long weight(SimProcess p) {
        // SCHED_IDLE tasks get WEIGHT_IDLEPRIO (3); real-time tasks keep the weight of nice 0.
        int base = p.policy() == 5 ? 3 : p.policy() == 1 || p.policy() == 2 ? 1024
                : WEIGHTS[Math.max(0, Math.min(39, p.nice() + 20))];
        return (long) base << FIXEDPOINT_SHIFT;
    }

    private static long log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    /** P(F): {@code %-45s:%21Ld}. */
    private static void value(SeqBuffer m, String key, long v) {
        Cols.left(m, key, 45).putc(':').putLongPadded(v, 21).putc('\n');
    }

    /** PN(F): {@code %-45s:%14Ld.%06ld}, nanoseconds shown as milliseconds (SPLIT_NS). */
    private static void nanos(SeqBuffer m, String key, long ns) {
        Cols.left(m, key, 45).putc(':').putLongPadded(ns / 1_000_000, 14).putc('.');
        String frac = Long.toString(Math.abs(ns % 1_000_000));
        m.puts("000000".substring(frac.length())).puts(frac).putc('\n');
    }
}
