package org.uprocfs.providers.hardware.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.uprocfs.providers.uts.UtsName;

/**
 * The loaded machine shared between modules: the immutable spec, its CPU layout, and the system names it
 * booted, which sysctl may change at run time from any thread.
 */
public final class Machine {
    private final MachineSpec spec;
    private final List<Cpu> cpus;
    private final UtsName uts;

    /** A machine with names of its own, booted from the spec. */
    public Machine(MachineSpec spec) {
        this(spec, new UtsName());
    }

    /** A machine that boots its kernel on the given shared names (kept if someone already set them). */
    public Machine(MachineSpec spec, UtsName uts) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.cpus = CpuTopology.layout(spec.cpu());
        this.uts = Objects.requireNonNull(uts, "uts");
        boot();
    }

    /** Fills the names with this machine's kernel and, unless already set, its host and domain names. */
    public void boot() {
        KernelInfo k = spec.kernel();
        uts.boot("Linux", k.release(), k.version(), orDefault(k.hostname(), "localhost"),
                orDefault(k.domainname(), "(none)"));
    }

    /** The names this machine reports, shared with sysctl. */
    public UtsName uts() {
        return uts;
    }

    /** The immutable description the machine was built from. */
    public MachineSpec spec() {
        return spec;
    }

    /** The logical CPUs in processor order. */
    public List<Cpu> cpus() {
        return cpus;
    }

    /** The number of logical CPUs. */
    public int cpuCount() {
        return cpus.size();
    }

    /** The current host name (kernel.hostname). */
    public String hostname() {
        return uts.hostname();
    }

    /** Sets the host name, as sethostname(2) or a write to kernel.hostname does. */
    public void setHostname(String name) {
        uts.setNodename(Objects.requireNonNull(name, "name").getBytes(StandardCharsets.UTF_8));
    }

    /** The current NIS domain name (kernel.domainname). */
    public String domainname() {
        return uts.domainnameText();
    }

    /** Sets the NIS domain name. */
    public void setDomainname(String name) {
        uts.setDomainname(Objects.requireNonNull(name, "name").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The number of interrupt descriptors, sized as x86's arch_probe_nr_irqs does: the IO-APIC pins and
     * the legacy ones, room for MSI per CPU and per pin, capped at 256 vectors per CPU.
     */
    public int nrIrqs() {
        int n = cpuCount();
        int gsiTop = spec.gsiTop();
        int nr = gsiTop + 16 + 8 * n + (gsiTop <= 16 ? 8 * n : gsiTop * 16);
        return Math.min(nr, 256 * n);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
