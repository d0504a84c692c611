package org.uprocfs.providers.process.model;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.uprocfs.providers.hardware.model.ProcessSpec;

/** How the profile's process fields read: parent references, states, terminals and thread names. */
public final class ProcessSpecs {
    /** TASK_COMM_LEN less the terminating NUL: the longest comm a user task can have. */
    public static final int COMM_MAX = 15;
    /** The explicit CPU shares of a profile may add up to this; kernel threads, the rest and forks take 0.18 more. */
    public static final double MAX_PROFILE_SHARE = 0.75;

    private ProcessSpecs() {
    }

    /**
     * The index of the earlier entry {@code parent} names, by index or by comm (the nearest earlier one), or
     * null when it names no entry before {@code self}.
     */
    public static Integer parentIndex(String parent, List<ProcessSpec> specs, int self) {
        if (parent.chars().allMatch(Character::isDigit) && !parent.isEmpty()) {
            int index = Integer.parseInt(parent);
            return index < self ? index : null;
        }
        for (int i = self - 1; i >= 0; i--) {
            if (parent.equals(specs.get(i).comm())) {
                return i;
            }
        }
        return null;
    }

    /** The state a profile letter names, or null for a letter a living process cannot keep. */
    public static TaskState stateOrNull(String letter) {
        switch (letter) {
            case "R":
                return TaskState.RUNNING;
            case "S":
                return TaskState.SLEEPING;
            case "D":
                return TaskState.DISK_SLEEP;
            case "T":
                return TaskState.STOPPED;
            default:
                return null;
        }
    }

    static TaskState state(String letter) {
        TaskState s = stateOrNull(letter);
        return s == null ? TaskState.SLEEPING : s;
    }

    /**
     * The tty_nr of stat field 7 for {@code pts/N} (major 136) or {@code ttyN} (major 4), as new_encode_dev
     * packs it, or -1 when the name is neither.
     */
    public static int ttyNr(String tty) {
        int major;
        String number;
        if (tty.startsWith("pts/")) {
            major = 136;
            number = tty.substring(4);
        } else if (tty.startsWith("ttyS")) {
            // Serial ports are major 4 from minor 64 on.
            major = 4;
            number = tty.substring(4);
            if (number.isEmpty() || !number.chars().allMatch(Character::isDigit) || number.length() > 3) {
                return -1;
            }
            int minor = 64 + Integer.parseInt(number);
            return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
        } else if (tty.startsWith("tty") && tty.length() > 3) {
            major = 4;
            number = tty.substring(3);
        } else {
            return -1;
        }
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit) || number.length() > 6) {
            return -1;
        }
        int minor = Integer.parseInt(number);
        return (minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12);
    }

    /** The number of kernel threads, kthreadd included, a machine with {@code cpus} CPUs runs. */
    public static int kernelThreadCount(int cpus) {
        return KernelThreads.all(cpus, "sda1", "8:0").size() + 1;
    }

    /** The pids boot needs below the profile's bootForks: init, the kernel threads, every profile thread, a margin. */
    public static long bootPidsNeeded(int cpus, List<ProcessSpec> specs) {
        long tasks = 0;
        for (int i = 1; i < specs.size(); i++) {
            ProcessSpec s = specs.get(i);
            tasks += (long) Population.threads(s) * (s.count() == null ? 1 : s.count());
        }
        return 1 + kernelThreadCount(cpus) + tasks + 44;
    }

    /** The fastest fork rate at which a wrapped pid is never still in use: the free pids over a fork's longest span. */
    public static double maxForksPerSec(int pidMax, long bootPids) {
        return (pidMax - Churn.RESERVED_PIDS - bootPids) / (Churn.MAX_SPAN_NANOS / 1e9) / 2;
    }

    /** Whether a comm fits TASK_COMM_LEN. */
    public static boolean commFits(String comm) {
        return comm.getBytes(StandardCharsets.UTF_8).length <= COMM_MAX;
    }

    /** A thread's name from a pattern: {@code %d} becomes its index among the extra threads, cut to 15 bytes. */
    static String threadName(String pattern, int index) {
        String name = pattern.replace("%d", Integer.toString(index - 1));
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= COMM_MAX ? name : new String(bytes, 0, COMM_MAX, StandardCharsets.UTF_8);
    }
}
