package org.uprocfs.providers.hardware.model;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loaded machine shared between modules: the immutable spec, its CPU layout, and the host and
 * domain names, which sysctl may change at run time from any thread.
 */
public final class Machine {
    private final MachineSpec spec;
    private final List<Cpu> cpus;
    private final AtomicReference<String> hostname;
    private final AtomicReference<String> domainname;

    public Machine(MachineSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.cpus = CpuTopology.layout(spec.cpu());
        this.hostname = new AtomicReference<>(orDefault(spec.kernel().hostname(), "localhost"));
        this.domainname = new AtomicReference<>(orDefault(spec.kernel().domainname(), "(none)"));
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
        return hostname.get();
    }

    /** Sets the host name, as sethostname(2) or a write to kernel.hostname does. */
    public void setHostname(String name) {
        hostname.set(Objects.requireNonNull(name, "name"));
    }

    /** The current NIS domain name (kernel.domainname). */
    public String domainname() {
        return domainname.get();
    }

    /** Sets the NIS domain name. */
    public void setDomainname(String name) {
        domainname.set(Objects.requireNonNull(name, "name"));
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
