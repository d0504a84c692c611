package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.SimProcess;

/**
 * The per-pid files about namespaces, autogroups, core dumps and KSM that most tasks show with the same value:
 * {@code uid_map}/{@code gid_map}/{@code projid_map}, {@code setgroups}, {@code timens_offsets},
 * {@code autogroup}, {@code coredump_filter}, {@code ksm_merging_pages} and {@code ksm_stat}.
 */
public final class PidMisc {
    /** MMF_DUMP_FILTER_DEFAULT: anonymous private and shared, ELF headers, private huge pages (0x33). */
    private static final long DEFAULT_COREDUMP_FILTER = 0x33;

    private PidMisc() {
    }

    /** {@code uid_m_show} of the initial user namespace: {@code %10u %10u %10u}, the whole 32-bit range. */
    public static void showIdMap(SeqBuffer m) {
        m.puts("         0          0 4294967295\n");
    }

    /** {@code proc_setgroups_show}: {@code allow} unless a user namespace denied it. */
    public static void showSetgroups(SeqBuffer m) {
        m.puts("allow\n");
    }

    /** {@code proc_timens_show_offsets} of the initial time namespace: {@code %-10s %10lld %9ld} per clock. */
    public static void showTimensOffsets(SeqBuffer m) {
        m.puts("monotonic           0         0\n");
        m.puts("boottime            0         0\n");
    }

    /** {@code proc_sched_autogroup_show_task}: {@code /autogroup-%ld nice %d}. */
    public static void showAutogroup(SeqBuffer m, long autogroupId, int nice) {
        m.puts("/autogroup-").putLong(autogroupId).puts(" nice ").putLong(nice).putc('\n');
    }

    /** {@code proc_coredump_filter_read}: {@code %08lx} of the default filter; nothing without an mm. */
    public static void showCoredumpFilter(SeqBuffer m, SimProcess p) {
        if (p.memory() != null) {
            Cols.hex(m, DEFAULT_COREDUMP_FILTER, 8).putc('\n');
        }
    }

    /** {@code proc_pid_ksm_merging_pages}: no simulated page is merged; nothing without an mm. */
    public static void showKsmMergingPages(SeqBuffer m, SimProcess p) {
        if (p.memory() != null) {
            m.puts("0\n");
        }
    }

    /** {@code proc_pid_ksm_stat} of a 6.18 kernel with KSM unused; nothing without an mm. */
    public static void showKsmStat(SeqBuffer m, SimProcess p) {
        if (p.memory() != null) {
            m.puts("ksm_rmap_items 0\nksm_zero_pages 0\nksm_merging_pages 0\nksm_process_profit 0\n"
                    + "ksm_merge_any: no\nksm_mergeable: no\n");
        }
    }
}
