package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.FileDescriptor;
import org.uprocfs.providers.process.model.Namespaces;

/**
 * The small files about a task's relations: {@code task/TID/children} ({@code children_seq_show}, array.c),
 * {@code fdinfo/N} ({@code seq_show} of fs/proc/fd.c) and the {@code ns/*} link targets
 * ({@code ns_get_name}, fs/nsfs.c).
 */
public final class PidFiles {
    /** The ns/ entries in readdir order (ns_entries of fs/proc/namespaces.c). */
    public static final List<String> NAMESPACE_NAMES = List.of("cgroup", "ipc", "mnt", "net", "pid",
            "pid_for_children", "time", "time_for_children", "user", "uts");

    private PidFiles() {
    }

    /** Each child's pid followed by a space, in the order the thread forked them; no newline. */
    public static void showChildren(SeqBuffer m, List<Integer> childPids) {
        for (int pid : childPids) {
            m.putLong(pid).putc(' ');
        }
    }

    /** {@code pos:\t%lli\nflags:\t0%o\nmnt_id:\t%i\nino:\t%lu\n}; the flags include O_CLOEXEC when set. */
    public static void showFdinfo(SeqBuffer m, FileDescriptor fd) {
        m.puts("pos:\t").putLong(fd.pos());
        m.puts("\nflags:\t0").puts(Integer.toOctalString(fd.flags()));
        m.puts("\nmnt_id:\t").putLong(fd.mntId());
        m.puts("\nino:\t").puts(Long.toUnsignedString(fd.inode())).putc('\n');
    }

    /** The readlink text of {@code ns/NAME}: {@code type:[inode]}; the *_for_children links name their type. */
    public static String namespaceTarget(Namespaces ns, String name) {
        return switch (name) {
            case "cgroup" -> "cgroup:[" + ns.cgroup() + "]";
            case "ipc" -> "ipc:[" + ns.ipc() + "]";
            case "mnt" -> "mnt:[" + ns.mnt() + "]";
            case "net" -> "net:[" + ns.net() + "]";
            case "pid", "pid_for_children" -> "pid:[" + ns.pid() + "]";
            case "time", "time_for_children" -> "time:[" + ns.time() + "]";
            case "user" -> "user:[" + ns.user() + "]";
            case "uts" -> "uts:[" + ns.uts() + "]";
            default -> throw new IllegalArgumentException("no namespace " + name);
        };
    }
}
