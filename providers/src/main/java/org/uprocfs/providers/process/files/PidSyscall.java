package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.MemoryLayout;
import org.uprocfs.providers.process.model.ProcessMemory;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;
import org.uprocfs.providers.process.model.TaskState;
import org.uprocfs.providers.process.model.Vma;

/**
 * {@code syscall} and {@code stack} ({@code proc_pid_syscall}, {@code proc_pid_stack} of fs/proc/base.c), both
 * behind {@code lock_trace}'s ptrace-attach check, which the caller applies (EPERM) before rendering.
 */
public final class PidSyscall {
    private PidSyscall() {
    }

    /**
     * {@code running} for a running thread; {@code -1 0x0 0x0} for a zombie (no stack left to read); the
     * zeroed pt_regs of a kernel thread as {@code 0 0x0 ...}; otherwise the number, six arguments, stack and
     * instruction pointer of the call the thread sleeps in.
     */
    public static void showSyscall(SeqBuffer m, SimProcess p, SimThread t) {
        if (t.state() == TaskState.RUNNING) {
            m.puts("running\n");
            return;
        }
        if (t.state() == TaskState.ZOMBIE || t.state() == TaskState.DEAD || p.memory() == null && !p.kernelThread()) {
            m.puts("-1 0x0 0x0\n");
            return;
        }
        if (p.kernelThread()) {
            m.puts("0 0x0 0x0 0x0 0x0 0x0 0x0 0x0 0x0\n");
            return;
        }
        WaitChannels.Channel channel = WaitChannels.of(t.wchan());
        int nr = channel == null || channel.syscall() < 0 ? 7 : channel.syscall();
        ProcessMemory mem = p.memory();
        MemoryLayout layout = mem.layout();
        // Plausible registers: a small fd, a heap buffer, a page-sized count; the stack below its start
        // (deeper for later threads) and a pc inside the first executable library mapping.
        long sp = (layout.startStack() - 0x1d8 - 0x10000L * (t.tid() - p.tgid())) & ~0xfL;
        long pc = codeAddress(mem.vmas(), layout);
        m.putLong(nr);
        hex(m, 3);
        hex(m, layout.startBrk() + 0x2a0);
        hex(m, 0x1000);
        hex(m, 0);
        hex(m, 0);
        hex(m, 0);
        hex(m, sp);
        hex(m, pc);
        m.putc('\n');
    }

    /** One {@code [<0>] symbol+off/size} line per frame; nothing for a running thread or a zombie. */
    public static void showStack(SeqBuffer m, SimProcess p, SimThread t) {
        if (t.state() == TaskState.RUNNING || t.state() == TaskState.ZOMBIE || t.state() == TaskState.DEAD) {
            return;
        }
        WaitChannels.Channel channel = WaitChannels.of(t.wchan());
        if (channel == null) {
            return;
        }
        List<String> frames = WaitChannels.stack(channel, p.kernelThread());
        for (String frame : frames) {
            m.puts("[<0>] ").puts(frame).putc('\n');
        }
    }

    private static long codeAddress(List<Vma> vmas, MemoryLayout layout) {
        for (Vma v : vmas) {
            if (v.executable() && v.name().startsWith("/") && v.start() > layout.endCode()) {
                return v.start() + Math.min(0x112ad, v.end() - v.start() - 1);
            }
        }
        return layout.startCode() + 0x2ad;
    }

    private static void hex(SeqBuffer m, long value) {
        Cols.hex(m.puts(" 0x"), value, 1);
    }
}
