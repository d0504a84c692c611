package org.uprocfs.providers.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.providers.process.files.PidFiles;
import org.uprocfs.providers.process.files.PidValues;
import org.uprocfs.providers.process.model.FileDescriptor;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;

/** The subdirectories of a simulated /proc/PID: its threads, open files, their fdinfo, namespaces and attr. */
final class TaskDirectories {
    private TaskDirectories() {
    }

    /** task/: one directory per thread, leader first (proc_task_readdir), each a tid_base_stuff table. */
    static DirectoryOps threads(Task task) {
        return new DirectoryOps() {
            @Override
            public Node lookup(String name, Caller caller) {
                int tid = PidRoot.parsePid(name);
                SimProcess process = current(task);
                if (process == null || tid <= 0 || process.thread(tid) == null) {
                    return null;
                }
                return task.source().directory(process, task.forThread(tid), PidEntries.TID);
            }

            @Override
            public List<String> names(Caller caller) {
                SimProcess process = current(task);
                List<String> names = new ArrayList<>();
                if (process != null) {
                    for (SimThread thread : process.threads()) {
                        names.add(Integer.toString(thread.tid()));
                    }
                }
                return names;
            }

            @Override
            public int subdirectories(Caller caller) {
                SimProcess process = current(task);
                return process == null ? 0 : process.numThreads();
            }
        };
    }

    /** fd/: a link per open file, its mode saying how it was opened (proc_fd_link, tid_fd_mode). */
    static DirectoryOps fds(Task task) {
        return perDescriptor(task, false, (fd, process) -> new Node.Link(linkMode(fd), owner(process), ownerGroup(process),
                reader -> {
                    requireAccess(reader, task, "fd");
                    return fd.target();
                }));
    }

    /**
     * fdinfo/: 0444 files whose open needs ptrace access (proc_fdinfo_access_allowed); the 0555 directory
     * itself needs it too for any access, listing or lookup (proc_fdinfo_permission).
     */
    static DirectoryOps fdinfo(Task task) {
        return perDescriptor(task, true, (fd, process) -> new Node.File(0444, owner(process), ownerGroup(process),
                ProcHandlers.show(out -> {
                    FileDescriptor now = descriptor(task, Integer.toString(fd.fd()));
                    if (now == null) {
                        throw new ProcException(Errno.ENOENT, "fd " + fd.fd() + " of process " + task.tgid() + " closed");
                    }
                    PidFiles.showFdinfo(out, now);
                }).withOpenCheck(request -> requireAccess(request.caller(), task, "fdinfo"))));
    }

    /** A directory with one entry per open file descriptor of the task, ascending. */
    private static DirectoryOps perDescriptor(Task task, boolean ptraceToEnter,
            BiFunction<FileDescriptor, SimProcess, Node> entry) {
        return new DirectoryOps() {
            @Override
            public boolean permits(Caller caller) {
                SimProcess process = current(task);
                return !ptraceToEnter || process == null || Task.mayAccess(caller, process);
            }

            @Override
            public Node lookup(String name, Caller caller) {
                FileDescriptor fd = descriptor(task, name);
                return fd == null ? null : entry.apply(fd, task.process());
            }

            @Override
            public List<String> names(Caller caller) {
                return fdNames(task);
            }
        };
    }

    private static void requireAccess(Caller caller, Task task, String what) {
        if (!Task.mayAccess(caller, task.process())) {
            throw new ProcException(Errno.EACCES, what + " of process " + task.tgid() + " is another user's");
        }
    }

    /** ns/: links to the namespaces, {@code net:[4026531840]}, readable with ptrace access only. */
    static DirectoryOps namespaces(Task task) {
        return new DirectoryOps() {
            @Override
            public Node lookup(String name, Caller caller) {
                if (!PidFiles.NAMESPACE_NAMES.contains(name)) {
                    return null;
                }
                SimProcess process = task.process();
                return new Node.Link(0777, owner(process), ownerGroup(process), reader -> {
                    SimProcess now = task.process();
                    if (!Task.mayAccess(reader, now)) {
                        throw new ProcException(Errno.EACCES, "ns of process " + task.tgid());
                    }
                    return PidFiles.namespaceTarget(now.namespaces(), name);
                });
            }

            @Override
            public List<String> names(Caller caller) {
                return PidFiles.NAMESPACE_NAMES;
            }
        };
    }

    /** attr/: the LSM's view; with no LSM loaded {@code current} reads as the kernel's unconfined label. */
    static DirectoryOps attr(Task task) {
        return new DirectoryOps() {
            @Override
            public Node lookup(String name, Caller caller) {
                if (!name.equals("current")) {
                    return null;
                }
                SimProcess process = task.process();
                return new Node.File(0666, owner(process), ownerGroup(process), ProcHandlers.show(out -> {
                    task.process();
                    PidValues.showAttrCurrent(out, "unconfined");
                }));
            }

            @Override
            public List<String> names(Caller caller) {
                return List.of("current");
            }
        };
    }

    /**
     * cwd, root and exe: ENOENT for a task without them (kernel thread, zombie), EACCES without ptrace
     * access (proc_fd_access_allowed), else the path.
     */
    static String privateLink(Task task, Caller caller, Function<SimProcess, String> path) {
        SimProcess process = task.process();
        if (!Task.mayAccess(caller, process)) {
            throw new ProcException(Errno.EACCES, "link of process " + task.tgid());
        }
        String target = path.apply(process);
        if (target == null) {
            throw new ProcException(Errno.ENOENT, "process " + task.tgid() + " has none");
        }
        return target;
    }

    /** The owner task_dump_owner gives the files of a task: root for kernel threads and undumpable tasks. */
    static int owner(SimProcess process) {
        return process.kernelThread() || !process.dumpable() ? 0 : process.credentials().euid();
    }

    /** The group task_dump_owner gives the files of a task. */
    static int ownerGroup(SimProcess process) {
        return process.kernelThread() || !process.dumpable() ? 0 : process.credentials().egid();
    }

    private static int linkMode(FileDescriptor fd) {
        int access = fd.flags() & FileDescriptor.O_ACCMODE;
        // tid_fd_mode: r-x for reading, -wx for writing, both for O_RDWR.
        return access == FileDescriptor.O_RDONLY ? 0500 : access == FileDescriptor.O_WRONLY ? 0300 : 0700;
    }

    private static FileDescriptor descriptor(Task task, String name) {
        int number = name.equals("0") ? 0 : PidRoot.parsePid(name);
        if (number < 0) {
            return null;
        }
        for (FileDescriptor fd : task.process().fds()) {
            if (fd.fd() == number) {
                return fd;
            }
        }
        return null;
    }

    private static List<String> fdNames(Task task) {
        SimProcess process = current(task);
        List<String> names = new ArrayList<>();
        if (process != null) {
            for (FileDescriptor fd : process.fds()) {
                names.add(Integer.toString(fd.fd()));
            }
        }
        return names;
    }

    private static SimProcess current(Task task) {
        try {
            return task.process();
        } catch (ProcException gone) {
            return null;
        }
    }
}
