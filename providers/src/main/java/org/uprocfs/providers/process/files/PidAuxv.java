package org.uprocfs.providers.process.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.MemoryLayout;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.Vma;

/**
 * {@code /proc/PID/auxv} ({@code proc_pid_auxv}): the ELF auxiliary vector the kernel gave the program,
 * as (type, value) pairs of native 64-bit words ending with AT_NULL; empty for a task without an mm.
 * The values follow {@code create_elf_tables} for an x86-64 dynamically linked program.
 */
public final class PidAuxv {
    private static final long AT_NULL = 0;
    private static final long AT_PHDR = 3;
    private static final long AT_PHENT = 4;
    private static final long AT_PHNUM = 5;
    private static final long AT_PAGESZ = 6;
    private static final long AT_BASE = 7;
    private static final long AT_FLAGS = 8;
    private static final long AT_ENTRY = 9;
    private static final long AT_UID = 11;
    private static final long AT_EUID = 12;
    private static final long AT_GID = 13;
    private static final long AT_EGID = 14;
    private static final long AT_PLATFORM = 15;
    private static final long AT_HWCAP = 16;
    private static final long AT_CLKTCK = 17;
    private static final long AT_SECURE = 23;
    private static final long AT_RANDOM = 25;
    private static final long AT_HWCAP2 = 26;
    private static final long AT_EXECFN = 31;
    private static final long AT_SYSINFO_EHDR = 33;
    private static final long AT_MINSIGSTKSZ = 51;
    /** The CPUID leaf 1 EDX bits a current x86-64 CPU reports as AT_HWCAP. */
    private static final long HWCAP = 0x178bfbffL;
    /** HWCAP2_FSGSBASE. */
    private static final long HWCAP2 = 0x2;

    private PidAuxv() {
    }

    /** The vector of a process; nothing for a kernel thread or a zombie. */
    public static void show(SeqBuffer m, SimProcess p) {
        if (p.memory() == null) {
            return;
        }
        MemoryLayout layout = p.memory().layout();
        long vdso = 0;
        long interpreter = 0;
        for (Vma vma : p.memory().vmas()) {
            if (vma.name().equals("[vdso]")) {
                vdso = vma.start();
            } else if (interpreter == 0 && vma.name().contains("/ld-linux")) {
                interpreter = vma.start();
            }
        }
        // The strings AT_EXECFN, AT_PLATFORM and AT_RANDOM point at sit at the top of the stack, above envp.
        long top = layout.envEnd();
        long[][] pairs = {
            {AT_SYSINFO_EHDR, vdso}, {AT_MINSIGSTKSZ, 3376}, {AT_HWCAP, HWCAP}, {AT_PAGESZ, 4096},
            {AT_CLKTCK, 100}, {AT_PHDR, layout.startCode() - 0x1000 + 64}, {AT_PHENT, 56}, {AT_PHNUM, 13},
            {AT_BASE, interpreter}, {AT_FLAGS, 0}, {AT_ENTRY, layout.startCode() + 0x40},
            {AT_UID, p.credentials().uid()}, {AT_EUID, p.credentials().euid()},
            {AT_GID, p.credentials().gid()}, {AT_EGID, p.credentials().egid()}, {AT_SECURE, 0},
            {AT_RANDOM, top - 0x2f}, {AT_HWCAP2, HWCAP2}, {AT_EXECFN, top - 0x1f}, {AT_PLATFORM, top - 0x3f},
            {AT_NULL, 0},
        };
        ByteBuffer words = ByteBuffer.allocate(pairs.length * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] pair : pairs) {
            words.putLong(pair[0]).putLong(pair[1]);
        }
        m.write(words.array());
    }
}
