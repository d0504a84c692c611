package org.uprocfs.providers.process.model;

import java.util.List;
import java.util.Map;
import org.uprocfs.providers.hardware.model.ProcessSpec;

/** What a process gets when the profile does not say: a minimal user space, service environments, wait channels. */
final class DefaultProcesses {
    /** The user space of a profile that lists no processes: init, the journal, udev, cron and sshd. */
    static final List<ProcessSpec> LIST = List.of(
            spec("systemd", List.of("/sbin/init", "splash"), "/usr/lib/systemd/systemd"),
            spec("systemd-journal", List.of("/usr/lib/systemd/systemd-journald"), null),
            spec("systemd-udevd", List.of("/usr/lib/systemd/systemd-udevd"), null),
            spec("cron", List.of("/usr/sbin/cron", "-f", "-P"), null),
            spec("sshd", List.of("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"), "/usr/sbin/sshd"));

    private static final String PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** The wait channel a process's main thread usually sleeps in, by comm; epoll for the rest. */
    private static final Map<String, String> WCHAN = Map.ofEntries(
            Map.entry("bash", "do_select"), Map.entry("zsh", "do_select"), Map.entry("sh", "do_wait"),
            Map.entry("cron", "hrtimer_nanosleep"), Map.entry("sleep", "hrtimer_nanosleep"),
            Map.entry("agetty", "wait_woken"), Map.entry("sshd", "do_sys_poll"),
            Map.entry("sshd-session", "do_sys_poll"),
            Map.entry("rsyslogd", "do_select"), Map.entry("java", "futex_wait_queue"),
            Map.entry("python3", "do_epoll_wait"), Map.entry("atd", "hrtimer_nanosleep"),
            Map.entry("containerd", "futex_wait_queue"), Map.entry("dockerd", "futex_wait_queue"));

    private DefaultProcesses() {
    }

    static String wchan(String comm) {
        return WCHAN.getOrDefault(comm, "do_epoll_wait");
    }

    /** What the kernel hands init: the boot loader's unknown parameters and the initramfs's leftovers. */
    static List<String> initEnv(String release) {
        return List.of("HOME=/", "init=/sbin/init", "NETWORK_SKIP_ENSLAVED=", "TERM=linux",
                "BOOT_IMAGE=/boot/vmlinuz-" + release, "drop_caps=", PATH, "PWD=/", "rootmnt=/root");
    }

    /** What systemd passes a service: the locale, PATH, its invocation id and the journal stream. */
    static List<String> serviceEnv(Member m) {
        return List.of("LANG=C.UTF-8", PATH,
                "INVOCATION_ID=" + String.format("%016x%016x", m.key, Long.rotateLeft(m.key, 29)),
                "SYSTEMD_EXEC_PID=%pid");
    }

    private static ProcessSpec spec(String comm, List<String> cmdline, String exe) {
        return new ProcessSpec(comm, cmdline, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, exe, null, null, null, null, null, null);
    }
}
