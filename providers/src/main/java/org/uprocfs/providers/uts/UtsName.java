package org.uprocfs.providers.uts;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.uprocfs.core.api.ProcContext;

/**
 * The system's identity, the kernel's {@code init_uts_ns.name}: what uname(2), {@code kernel/hostname} and
 * friends report. One instance is shared between modules; whichever module asks first makes it, and it
 * outlives the modules, as the kernel's names outlive any module.
 *
 * <p>All fields live in one immutable snapshot swapped atomically, so any thread may read or change them
 * and a reader never sees a release from one kernel with the version of another.
 */
public final class UtsName {
    /** The names before any machine boots: what a sysctl-only file system reports. */
    static final Names DEFAULTS = new Names("Linux", bytes("uprocfs"), "6.1.0-uprocfs",
            "#1 SMP PREEMPT_DYNAMIC Mon Jan  1 00:00:00 UTC 2024", bytes("(none)"), false, false);

    private final AtomicReference<Names> names = new AtomicReference<>(DEFAULTS);

    /** Names holding the defaults until a machine boots on them. */
    public UtsName() {
    }

    /** The names of this file system, made with the defaults by the first module that asks. */
    public static UtsName shared(ProcContext context) {
        return context.shared(UtsName.class, UtsName::new);
    }

    /**
     * Boots a kernel on the names, as start_kernel fills init_uts_ns and init then sets the host name: the
     * kernel identity always comes from {@code kernel}; a host or domain name someone already set (a sysctl
     * write, a restored state file) is kept, otherwise the machine's own is taken.
     */
    public void boot(String sysname, String release, String version, String hostname, String domainname) {
        names.updateAndGet(n -> new Names(sysname, n.hostnameSet() ? n.nodename() : bytes(hostname), release,
                version, n.domainnameSet() ? n.domainname() : bytes(domainname), n.hostnameSet(), n.domainnameSet()));
    }

    /** {@code utsname()->sysname}, "Linux". */
    public String sysname() {
        return names.get().sysname();
    }

    /** {@code utsname()->release}, as {@code uname -r} and /proc/version print it. */
    public String release() {
        return names.get().release();
    }

    /** {@code utsname()->version}, the "#1 SMP ..." build string. */
    public String version() {
        return names.get().version();
    }

    /** The host name's bytes, as sethostname(2) stored them. */
    public byte[] nodename() {
        return names.get().nodename().clone();
    }

    /** The host name decoded as UTF-8. */
    public String hostname() {
        return new String(names.get().nodename(), StandardCharsets.UTF_8);
    }

    /** Sets the host name, as sethostname(2) or a write to {@code kernel/hostname} does. */
    public void setNodename(byte[] name) {
        byte[] copy = Objects.requireNonNull(name, "name").clone();
        names.updateAndGet(n -> new Names(n.sysname(), copy, n.release(), n.version(), n.domainname(), true,
                n.domainnameSet()));
    }

    /** The NIS domain name's bytes. */
    public byte[] domainname() {
        return names.get().domainname().clone();
    }

    /** The NIS domain name decoded as UTF-8. */
    public String domainnameText() {
        return new String(names.get().domainname(), StandardCharsets.UTF_8);
    }

    /** Sets the NIS domain name, as setdomainname(2) or a write to {@code kernel/domainname} does. */
    public void setDomainname(byte[] name) {
        byte[] copy = Objects.requireNonNull(name, "name").clone();
        names.updateAndGet(n -> new Names(n.sysname(), n.nodename(), n.release(), n.version(), copy,
                n.hostnameSet(), true));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One consistent set of names; the byte arrays are never handed out without a copy. */
    record Names(String sysname, byte[] nodename, String release, String version, byte[] domainname,
            boolean hostnameSet, boolean domainnameSet) {
    }
}
