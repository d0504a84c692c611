package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.ProcClock;
import org.uprocfs.core.io.SeqBuffer;
import org.uprocfs.core.io.SeqOperations;
import org.uprocfs.providers.hardware.model.Cpu;
import org.uprocfs.providers.hardware.model.CpuSpec;
import org.uprocfs.providers.hardware.sim.Simulation;

/** /proc/cpuinfo: one block per CPU as arch/x86/kernel/cpu/proc.c prints it, walked like its c_start/c_next. */
public final class CpuinfoEntry implements SeqOperations<Cpu> {
    private final Simulation sim;
    private final ProcClock clock;

    public CpuinfoEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
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
        m.printf("processor\t: %d\n", cpu.processor());
        m.printf("vendor_id\t: %s\n", c.vendorId());
        m.printf("cpu family\t: %d\n", c.family());
        m.printf("model\t\t: %d\n", c.model());
        m.printf("model name\t: %s\n", c.modelName());
        m.printf("stepping\t: %d\n", c.stepping());
        m.printf("microcode\t: 0x%x\n", c.microcode());
        // The kernel prints kHz as %u.%03u, truncating rather than rounding.
        long khz = (long) (sim.cpuMhz(cpu.processor(), clock.uptimeNanos()) * 1000);
        m.printf("cpu MHz\t\t: %d.%03d\n", khz / 1000, khz % 1000);
        m.printf("cache size\t: %d KB\n", c.cacheSizeKb());
        m.printf("physical id\t: %d\n", cpu.physicalId());
        m.printf("siblings\t: %d\n", cpu.siblings());
        m.printf("core id\t\t: %d\n", cpu.coreId());
        m.printf("cpu cores\t: %d\n", cpu.cpuCores());
        m.printf("apicid\t\t: %d\n", cpu.apicid());
        m.printf("initial apicid\t: %d\n", cpu.apicid());
        m.puts("fpu\t\t: yes\nfpu_exception\t: yes\n");
        m.printf("cpuid level\t: %d\n", c.cpuidLevel());
        m.puts("wp\t\t: yes\n");
        words(m, "flags\t\t:", c.flags());
        if (c.vmxFlags() != null && !c.vmxFlags().isBlank()) {
            words(m, "vmx flags\t:", c.vmxFlags());
        }
        words(m, "bugs\t\t:", c.bugs());
        long centi = Math.round(c.bogomips() * 100);
        m.printf("bogomips\t: %d.%02d\n", centi / 100, centi % 100);
        if (c.tlbSize() > 0) {
            m.printf("TLB size\t: %d 4K pages\n", c.tlbSize());
        }
        m.printf("clflush size\t: %d\n", c.clflushSize());
        m.printf("cache_alignment\t: %d\n", c.cacheAlignment());
        m.printf("address sizes\t: %d bits physical, %d bits virtual\n", c.physicalBits(), c.virtualBits());
        m.puts("power management:");
        for (String word : split(c.powerManagement())) {
            m.putc(' ').puts(word);
        }
        m.puts("\n\n");
    }

    /** Flag lists are printed as " %s" per word after the label, so an empty list leaves the colon bare. */
    private static void words(SeqBuffer m, String label, String words) {
        m.puts(label);
        for (String word : split(words)) {
            m.putc(' ').puts(word);
        }
        m.putc('\n');
    }

    private static String[] split(String words) {
        return words.isBlank() ? new String[0] : words.trim().split("\\s+");
    }
}
