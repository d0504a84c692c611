package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;
import org.uprocfs.providers.hardware.model.Cpu;
import org.uprocfs.providers.hardware.model.CpuSpec;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/cpuinfo: one block per CPU as arch/x86/kernel/cpu/proc.c prints it, walked like its c_start/c_next. */
public final class CpuinfoEntry implements SeqOperations<Cpu> {
    private final Simulation sim;
    private final ProcClock clock;
    /** The word lists never change, so their lines are joined once instead of split on every read. */
    private final String flagLines;
    private final String powerLine;

    public CpuinfoEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
        CpuSpec c = sim.machine().spec().cpu();
        StringBuilder lines = new StringBuilder(words("flags\t\t:", c.flags()));
        if (c.vmxFlags() != null && !c.vmxFlags().isBlank()) {
            lines.append(words("vmx flags\t:", c.vmxFlags()));
        }
        this.flagLines = lines.append(words("bugs\t\t:", c.bugs())).toString();
        this.powerLine = words("power management:", c.powerManagement()) + "\n";
    }

    @Override
    public Cpu start(long position) {
        return position < sim.machine().cpuCount() ? sim.machine().cpus().get((int) position) : null;
    }

    @Override
    public Cpu next(Cpu item, long position) {
        return start(position);
    }

    @Override
    public void show(SeqBuffer m, Cpu cpu) {
        CpuSpec c = sim.machine().spec().cpu();
        m.puts("processor\t: ").putLong(cpu.processor());
        m.puts("\nvendor_id\t: ").puts(c.vendorId());
        m.puts("\ncpu family\t: ").putLong(c.family());
        m.puts("\nmodel\t\t: ").putLong(c.model());
        m.puts("\nmodel name\t: ").puts(c.modelName());
        m.puts("\nstepping\t: ").putLong(c.stepping());
        m.puts("\nmicrocode\t: 0x");
        Fields.hex(m, c.microcode(), 1, false);
        // The kernel prints kHz as %u.%03u, truncating rather than rounding.
        long khz = (long) (sim.cpuMhz(cpu.processor(), clock.uptimeNanos()) * 1000);
        m.puts("\ncpu MHz\t\t: ").putLong(khz / 1000).putc('.');
        Fields.decZero(m, khz % 1000, 3);
        m.puts("\ncache size\t: ").putLong(c.cacheSizeKb());
        m.puts(" KB\nphysical id\t: ").putLong(cpu.physicalId());
        m.puts("\nsiblings\t: ").putLong(cpu.siblings());
        m.puts("\ncore id\t\t: ").putLong(cpu.coreId());
        m.puts("\ncpu cores\t: ").putLong(cpu.cpuCores());
        m.puts("\napicid\t\t: ").putLong(cpu.apicid());
        m.puts("\ninitial apicid\t: ").putLong(cpu.apicid());
        m.puts("\nfpu\t\t: yes\nfpu_exception\t: yes\n");
        m.puts("cpuid level\t: ").putLong(c.cpuidLevel());
        m.puts("\nwp\t\t: yes\n");
        m.puts(flagLines);
        long centi = Math.round(c.bogomips() * 100);
        m.puts("bogomips\t: ").putLong(centi / 100).putc('.');
        Fields.decZero(m, centi % 100, 2).putc('\n');
        if (c.tlbSize() > 0) {
            m.puts("TLB size\t: ").putLong(c.tlbSize()).puts(" 4K pages\n");
        }
        m.puts("clflush size\t: ").putLong(c.clflushSize());
        m.puts("\ncache_alignment\t: ").putLong(c.cacheAlignment());
        m.puts("\naddress sizes\t: ").putLong(c.physicalBits()).puts(" bits physical, ").putLong(c.virtualBits())
                .puts(" bits virtual\n");
        m.puts(powerLine);
    }

    /** Flag lists are printed as " %s" per word after the label, so an empty list leaves the colon bare. */
    private static String words(String label, String words) {
        StringBuilder line = new StringBuilder(label);
        if (!words.isBlank()) {
            for (String word : words.trim().split("\\s+")) {
                line.append(' ').append(word);
            }
        }
        return line.append('\n').toString();
    }
}
