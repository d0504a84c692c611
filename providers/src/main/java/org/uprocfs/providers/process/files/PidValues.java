package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;
import org.uprocfs.providers.process.model.TaskState;

/**
 * The one-value files of fs/proc/base.c: {@code wchan}, {@code oom_score}, {@code oom_adj},
 * {@code oom_score_adj}, {@code loginuid}, {@code sessionid}, {@code personality}, {@code timerslack_ns} and
 * {@code attr/current}, each with its handler's exact format (some without a newline).
 */
public final class PidValues {
    private PidValues() {
    }

    /**
     * {@code proc_pid_wchan}: the symbol the thread sleeps in, without a newline, or {@code 0} when it runs, has
     * no symbol, is a zombie or the reader may not ptrace it.
     */
    public static void showWchan(SeqBuffer m, SimThread t, boolean permitted) {
        String symbol = t.wchan();
        boolean sleeping = t.state() != TaskState.RUNNING && t.state() != TaskState.ZOMBIE
                && t.state() != TaskState.DEAD;
        if (permitted && sleeping && symbol != null && !symbol.isEmpty()) {
            m.puts(symbol);
        } else {
            m.putc('0');
        }
    }

    /** {@code proc_oom_score}: {@code %lu\n} of the 0..2000 score. */
    public static void showOomScore(SeqBuffer m, SimProcess p) {
        m.putLong(p.oomScore()).putc('\n');
    }

    /** {@code oom_adj_read}: the legacy -17..15 value scaled from oom_score_adj, {@code %d\n}. */
    public static void showOomAdj(SeqBuffer m, SimProcess p) {
        m.putLong(OomAdjWriter.fromScoreAdj(p.oomScoreAdj())).putc('\n');
    }

    /** {@code oom_score_adj_read}: {@code %hd\n}. */
    public static void showOomScoreAdj(SeqBuffer m, SimProcess p) {
        m.putLong((short) p.oomScoreAdj()).putc('\n');
    }

    /** {@code proc_loginuid_read}: {@code %u} without a newline, 4294967295 when unset. */
    public static void showLoginuid(SeqBuffer m, SimProcess p) {
        m.putLong(p.loginuid() & 0xffffffffL);
    }

    /** {@code proc_sessionid_read}: {@code %u} without a newline. */
    public static void showSessionid(SeqBuffer m, SimProcess p) {
        m.putLong(p.sessionid() & 0xffffffffL);
    }

    /** {@code proc_pid_personality}: {@code %08x\n}; simulated tasks run with PER_LINUX (0). */
    public static void showPersonality(SeqBuffer m, int personality) {
        Cols.hex(m, personality & 0xffffffffL, 8).putc('\n');
    }

    /** {@code timerslack_ns_show}: {@code %llu\n}. */
    public static void showTimerslackNs(SeqBuffer m, SimProcess p) {
        Cols.unsigned(m, p.timerslackNs()).putc('\n');
    }

    /** {@code proc_pid_attr_read} under an LSM that labels every task alike, e.g. AppArmor's {@code unconfined}. */
    public static void showAttrCurrent(SeqBuffer m, String label) {
        m.puts(label).putc('\n');
    }
}
