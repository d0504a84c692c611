package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel threads a 6.x x86-64 kernel starts, in the order it starts them: kthreadd's early helpers, the
 * per-CPU threads (cpuhp, idle_inject, migration, ksoftirqd, per-CPU kworkers), then the subsystems that
 * come up later. Names longer than 15 bytes are what proc_task_name prints for workqueue workers.
 */
final class KernelThreads {
    /** One kernel thread: name ({@code %d} the CPU, {@code %u} the unbound pool), state, wchan, weight, scheduling. */
    record Row(String name, TaskState state, String wchan, double weight, int policy, int rtPriority, int nice) {
    }

    /** Which block of the boot a row belongs to: early, per CPU, late, or once the root file system is up. */
    enum Phase { EARLY, PER_CPU, LATE, ROOT }

    /** A row placed in a phase, for one CPU or none. */
    record Placed(Row row, Phase phase, int cpu, String name) {
    }

    private static final TaskState S = TaskState.SLEEPING;
    private static final TaskState I = TaskState.IDLE;
    private static final int FIFO = 1;

    private static final List<Row> EARLY = List.of(
            row("pool_workqueue_release", S, "kthread_worker_fn", 0),
            row("kworker/R-rcu_g", I, "rescuer_thread", 0),
            row("kworker/R-sync_", I, "rescuer_thread", 0),
            row("kworker/R-slub_", I, "rescuer_thread", 0),
            row("kworker/R-netns", I, "rescuer_thread", 0),
            row("kworker/0:0H-events_highpri", I, "worker_thread", 0.1),
            row("kworker/R-mm_pe", I, "rescuer_thread", 0),
            row("rcu_tasks_kthread", I, "rcu_tasks_one_gp", 0),
            row("rcu_tasks_rude_kthread", I, "rcu_tasks_one_gp", 0),
            row("rcu_tasks_trace_kthread", I, "rcu_tasks_one_gp", 0),
            row("ksoftirqd/0", S, "smpboot_thread_fn", 3),
            row("rcu_preempt", I, "rcu_gp_kthread", 4),
            row("rcu_exp_par_gp_kthread_worker/0", S, "kthread_worker_fn", 0),
            row("rcu_exp_gp_kthread_worker", S, "kthread_worker_fn", 0),
            new Row("migration/0", S, "smpboot_thread_fn", 0.2, FIFO, 99, 0),
            new Row("idle_inject/0", S, "smpboot_thread_fn", 0, FIFO, 50, 0),
            row("cpuhp/0", S, "smpboot_thread_fn", 0));

    /** The per-CPU threads of every CPU after the boot CPU, in the order the hotplug machinery creates them. */
    private static final List<Row> PER_CPU = List.of(
            row("cpuhp/%d", S, "smpboot_thread_fn", 0),
            new Row("idle_inject/%d", S, "smpboot_thread_fn", 0, FIFO, 50, 0),
            new Row("migration/%d", S, "smpboot_thread_fn", 0.2, FIFO, 99, 0),
            row("ksoftirqd/%d", S, "smpboot_thread_fn", 3),
            row("kworker/%d:0-events", I, "worker_thread", 0.5),
            row("kworker/%d:0H-events_highpri", I, "worker_thread", 0.1));

    private static final List<Row> LATE = List.of(
            row("kdevtmpfs", S, "devtmpfs_work_loop", 0),
            row("kworker/R-inet_", I, "rescuer_thread", 0),
            row("kauditd", S, "kauditd_thread", 0),
            row("khungtaskd", S, "watchdog", 0),
            row("oom_reaper", S, "oom_reaper", 0),
            row("kworker/R-write", I, "rescuer_thread", 0),
            row("kcompactd0", S, "kcompactd", 0.3),
            new Row("ksmd", S, "ksm_scan_thread", 0, 0, 0, 5),
            new Row("khugepaged", S, "khugepaged", 0.2, 0, 0, 19),
            row("kworker/R-kinte", I, "rescuer_thread", 0),
            row("kworker/R-kbloc", I, "rescuer_thread", 0),
            row("kworker/R-blkcg", I, "rescuer_thread", 0),
            new Row("irq/9-acpi", S, "irq_thread", 0.1, FIFO, 50, 0),
            row("kworker/R-tpm_d", I, "rescuer_thread", 0),
            row("kworker/R-ata_s", I, "rescuer_thread", 0),
            row("kworker/R-md", I, "rescuer_thread", 0),
            row("kworker/R-md_bi", I, "rescuer_thread", 0),
            row("kworker/R-edac-", I, "rescuer_thread", 0),
            row("kworker/R-devfr", I, "rescuer_thread", 0),
            new Row("watchdogd", S, "kthread_worker_fn", 0, FIFO, 99, 0),
            row("kswapd0", S, "kswapd", 1),
            row("ecryptfs-kthread", S, "ecryptfs_threadfn", 0),
            row("kworker/R-kthro", I, "rescuer_thread", 0),
            row("kworker/R-acpi_", I, "rescuer_thread", 0),
            row("kworker/R-mld", I, "rescuer_thread", 0),
            row("kworker/R-ipv6_", I, "rescuer_thread", 0),
            row("kworker/R-kstrp", I, "rescuer_thread", 0),
            row("kworker/R-nvme-", I, "rescuer_thread", 0),
            row("kworker/R-nvme-", I, "rescuer_thread", 0),
            row("kworker/R-nvme-", I, "rescuer_thread", 0),
            row("kworker/%d:1-events", I, "worker_thread", 1));

    private static final List<Row> ROOT = List.of(
            row("jbd2/%r-8", S, "kjournald2", 1),
            row("kworker/R-ext4-", I, "rescuer_thread", 0),
            row("kworker/u%u:0-events_unbound", I, "worker_thread", 1),
            row("kworker/u%u:1-flush-%m", I, "worker_thread", 0.5),
            row("kworker/u%u:2-events_power_efficient", I, "worker_thread", 0.5),
            row("psimon", S, "psi_rtpoll_worker", 0));

    private KernelThreads() {
    }

    /**
     * Every kernel thread of a machine with {@code cpus} CPUs whose root file system is on {@code rootPart}
     * (e.g. {@code nvme0n1p2}) of the device {@code rootDev} (e.g. {@code 259:0}), kthreadd excluded.
     */
    static List<Placed> all(int cpus, String rootPart, String rootDev) {
        List<Placed> out = new ArrayList<>();
        for (Row r : EARLY) {
            out.add(new Placed(r, Phase.EARLY, r.name().endsWith("/0") || r.name().startsWith("kworker/0") ? 0 : -1,
                    r.name()));
        }
        for (int cpu = 1; cpu < cpus; cpu++) {
            for (Row r : PER_CPU) {
                out.add(new Placed(r, Phase.PER_CPU, cpu, r.name().replace("%d", Integer.toString(cpu))));
            }
        }
        for (Row r : LATE) {
            if (r.name().contains("%d")) {
                // Each CPU gets its second events worker once the first one has work queued.
                for (int cpu = 0; cpu < cpus; cpu++) {
                    out.add(new Placed(r, Phase.LATE, cpu, r.name().replace("%d", Integer.toString(cpu))));
                }
            } else {
                out.add(new Placed(r, Phase.LATE, -1, r.name()));
            }
        }
        // The unbound pools are numbered by twice the possible CPUs, as workqueue's pool ids are.
        String unbound = Integer.toString(2 * cpus);
        for (Row r : ROOT) {
            out.add(new Placed(r, Phase.ROOT, -1, r.name().replace("%r", rootPart).replace("%u", unbound)
                    .replace("%m", rootDev)));
        }
        return out;
    }

    private static Row row(String name, TaskState state, String wchan, double weight) {
        return new Row(name, state, wchan, weight, 0, 0, 0);
    }
}
