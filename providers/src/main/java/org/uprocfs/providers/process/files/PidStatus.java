package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.Capabilities;
import org.uprocfs.providers.process.model.Credentials;
import org.uprocfs.providers.process.model.ProcessMemory;
import org.uprocfs.providers.process.model.Signals;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;

/**
 * {@code /proc/PID/status} and {@code task/TID/status}: every line of {@code proc_pid_status} (fs/proc/array.c,
 * task_mem of fs/proc/task_mmu.c) as a 6.18 x86-64 kernel prints it, {@code Key:\tvalue} in the kernel's order.
 *
 * <p>Zombies have no fs (no Umask line) and no files (FDSize 0); kernel threads and zombies have no mm, so
 * the Vm/Rss block with CoreDumping, THP_enabled and untag_mask is left out rather than printed as zeros.
 */
public final class PidStatus {
    private static final List<Integer> NODE_ZERO = List.of(0);
    /**
     * The Mems_allowed line, the same for every task: 32 words of hex, formatted once (it was a quarter of
     * rendering status).
     */
    private static final byte[] MEMS_ALLOWED = CpuMasks.hex(SeqBuffer.forRoot().puts("Mems_allowed:\t"), NODE_ZERO,
            CpuMasks.MAX_NUMNODES).putc('\n').toByteArray();

    private PidStatus() {
    }

    /**
     * The status of thread {@code t} of {@code p} (the leader for /proc/PID); {@code nrCpuIds} is the number
     * of possible CPUs, the width of the Cpus_allowed bitmap.
     */
    public static void show(SeqBuffer m, SimProcess p, SimThread t, int nrCpuIds) {
        m.puts("Name:\t");
        escapedName(m, t.comm());
        m.putc('\n');
        if (!p.zombie()) {
            // "%#04o": a leading 0 and at least three octal digits.
            String octal = Integer.toOctalString(p.umask());
            m.puts("Umask:\t0").puts("000".substring(Math.min(3, octal.length()))).puts(octal).putc('\n');
        }
        m.puts("State:\t").puts(t.state().statusText());
        line(m, "Tgid", p.tgid());
        line(m, "Ngid", 0);
        line(m, "Pid", t.tid());
        line(m, "PPid", p.ppid());
        line(m, "TracerPid", 0);
        Credentials c = p.credentials();
        m.puts("\nUid:\t").putLong(c.uid()).putc('\t').putLong(c.euid()).putc('\t').putLong(c.suid()).putc('\t')
                .putLong(c.fsuid());
        m.puts("\nGid:\t").putLong(c.gid()).putc('\t').putLong(c.egid()).putc('\t').putLong(c.sgid()).putc('\t')
                .putLong(c.fsgid());
        line(m, "FDSize", p.zombie() ? 0 : p.fdSize());
        m.puts("\nGroups:\t");
        for (int i = 0; i < c.groups().size(); i++) {
            if (i > 0) {
                m.putc(' ');
            }
            m.putLong(c.groups().get(i));
        }
        // task_state: "Trailing space shouldn't have been added in the first place."
        m.putc(' ');
        // One column per pid namespace level; simulated tasks live in the initial one.
        line(m, "NStgid", p.tgid());
        line(m, "NSpid", t.tid());
        line(m, "NSpgid", p.pgrp());
        line(m, "NSsid", p.sid());
        m.puts("\nKthread:\t").putc(p.kernelThread() ? '1' : '0').putc('\n');
        ProcessMemory mem = p.memory();
        if (mem != null) {
            memory(m, mem);
        }
        Signals s = p.signals();
        m.puts("Threads:\t").putLong(p.numThreads());
        m.puts("\nSigQ:\t").putLong(s.queued()).putc('/').putLong(s.queueLimit());
        mask(m, "\nSigPnd:\t", s.pending());
        mask(m, "ShdPnd:\t", s.sharedPending());
        mask(m, "SigBlk:\t", s.blocked());
        mask(m, "SigIgn:\t", s.ignored());
        mask(m, "SigCgt:\t", s.caught());
        Capabilities caps = p.capabilities();
        mask(m, "CapInh:\t", caps.inheritable());
        mask(m, "CapPrm:\t", caps.permitted());
        mask(m, "CapEff:\t", caps.effective());
        mask(m, "CapBnd:\t", caps.bounding());
        mask(m, "CapAmb:\t", caps.ambient());
        m.puts("NoNewPrivs:\t").putc(p.noNewPrivs() ? '1' : '0');
        m.puts("\nSeccomp:\t").putLong(p.seccomp());
        // A task in filter mode has at least the one filter that put it there.
        m.puts("\nSeccomp_filters:\t").putLong(p.seccomp() == 2 ? 1 : 0);
        // The answers of arch_prctl_spec_ctrl_get on the simulated CPU, the same for every task.
        m.puts("\nSpeculation_Store_Bypass:\tvulnerable");
        m.puts("\nSpeculationIndirectBranch:\talways enabled\n");
        CpuMasks.hex(m.puts("Cpus_allowed:\t"), p.cpusAllowed(), nrCpuIds).putc('\n');
        CpuMasks.list(m.puts("Cpus_allowed_list:\t"), p.cpusAllowed()).putc('\n');
        // cpuset_task_status_allowed: one memory node, printed over MAX_NUMNODES bits.
        m.write(MEMS_ALLOWED);
        m.puts("Mems_allowed_list:\t0\n");
        m.puts("voluntary_ctxt_switches:\t").putLong(t.voluntaryCtxt());
        m.puts("\nnonvoluntary_ctxt_switches:\t").putLong(t.nonvoluntaryCtxt()).putc('\n');
    }

    /** task_mem's lines, then task_core_dumping, task_thp_status and task_untag_mask. */
    private static void memory(SeqBuffer m, ProcessMemory mem) {
        kb(m, "VmPeak:\t", mem.vmPeakKb());
        kb(m, "VmSize:\t", mem.vmSizeKb());
        kb(m, "VmLck:\t", mem.vmLckKb());
        kb(m, "VmPin:\t", mem.vmPinKb());
        kb(m, "VmHWM:\t", mem.vmHwmKb());
        kb(m, "VmRSS:\t", mem.vmRssKb());
        kb(m, "RssAnon:\t", mem.rssAnonKb());
        kb(m, "RssFile:\t", mem.rssFileKb());
        kb(m, "RssShmem:\t", mem.rssShmemKb());
        kb(m, "VmData:\t", mem.vmDataKb());
        kb(m, "VmStk:\t", mem.vmStkKb());
        kb(m, "VmExe:\t", mem.vmExeKb());
        kb(m, "VmLib:\t", mem.vmLibKb());
        kb(m, "VmPTE:\t", mem.vmPteKb());
        kb(m, "VmSwap:\t", mem.vmSwapKb());
        kb(m, "HugetlbPages:\t", 0);
        m.puts("CoreDumping:\t0\n");
        m.puts("THP_enabled:\t1\n");
        m.puts("untag_mask:\t0xffffffffffffffff\n");
    }

    /** proc_task_name with escaping: backslash and newline are the two characters status escapes. */
    static void escapedName(SeqBuffer m, String comm) {
        if (comm.indexOf('\\') < 0 && comm.indexOf('\n') < 0) {
            CommBytes.put(m, comm);
            return;
        }
        StringBuilder out = new StringBuilder(comm.length() + 4);
        for (int i = 0; i < comm.length(); i++) {
            char c = comm.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(c);
            }
        }
        CommBytes.put(m, out);
    }

    private static void line(SeqBuffer m, String key, long value) {
        m.putc('\n').puts(key).puts(":\t").putLong(value);
    }

    private static void kb(SeqBuffer m, String key, long value) {
        m.puts(key).putLongPadded(value, 8).puts(" kB\n");
    }

    private static void mask(SeqBuffer m, String header, long bits) {
        Cols.hex(m.puts(header), bits, 16).putc('\n');
    }
}
