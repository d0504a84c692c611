package org.uprocfs.providers.process.model;

import java.util.ArrayList;
import java.util.List;
import org.uprocfs.providers.hardware.model.MountEntry;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * A process's fd table: the standard three (the terminal, or /dev/null and the journal's stream socket for
 * services), an epoll instance for event-driven daemons, the profile's files, sockets and pipes. Mount ids
 * follow one rule the mountinfo renderer can share: {@link #MOUNT_ID_BASE} plus the mount's index in the
 * profile, and the kernel's internal sockfs, pipefs and anon_inodefs mounts below it.
 */
final class OpenFiles {
    /** The mount id of the profile's first mount; the ones before belong to the kernel's internal mounts. */
    static final int MOUNT_ID_BASE = 21;
    static final int SOCKFS_MNT = 8;
    static final int PIPEFS_MNT = 12;
    static final int ANON_INODEFS_MNT = 14;
    /** anon_inodefs hands every anonymous file the same inode. */
    static final long ANON_INODE = 1057;

    private static final int O_RDONLY = FileDescriptor.O_RDONLY;
    private static final int O_LARGEFILE = FileDescriptor.O_LARGEFILE;
    private static final int O_CLOEXEC = FileDescriptor.O_CLOEXEC;

    private OpenFiles() {
    }

    static List<FileDescriptor> build(Member m, List<MountEntry> mounts, double seconds) {
        List<FileDescriptor> fds = new ArrayList<>();
        if (m.ttyNr != 0) {
            String tty = ttyPath(m.ttyNr);
            int mnt = mountId(tty, mounts);
            long ino = 3 + ((m.ttyNr & 0xff) | ((m.ttyNr >> 12) & ~0xff));
            for (int fd = 0; fd < 3; fd++) {
                fds.add(new FileDescriptor(fd, tty, O_LARGEFILE | FileDescriptor.O_RDWR, 0, mnt, ino));
            }
        } else {
            fds.add(new FileDescriptor(0, "/dev/null", O_LARGEFILE | O_RDONLY, 0, mountId("/dev/null", mounts), 5));
            String stream = "socket:[" + m.firstInode + "]";
            fds.add(new FileDescriptor(1, stream, FileDescriptor.O_RDWR, 0, SOCKFS_MNT, m.firstInode));
            fds.add(new FileDescriptor(2, stream, FileDescriptor.O_RDWR, 0, SOCKFS_MNT, m.firstInode));
        }
        int fd = 3;
        if (m.role == Member.Role.DAEMON || m.role == Member.Role.INIT || m.role == Member.Role.WORKER) {
            fds.add(new FileDescriptor(fd++, "anon_inode:[eventpoll]", O_CLOEXEC | FileDescriptor.O_RDWR, 0,
                    ANON_INODEFS_MNT, ANON_INODE));
        }
        for (int i = 0; i < m.files.size(); i++) {
            String path = m.files.get(i);
            boolean log = path.startsWith("/var/log/") || path.endsWith(".log");
            int flags = O_LARGEFILE | O_CLOEXEC | (log ? FileDescriptor.O_WRONLY | FileDescriptor.O_APPEND : O_RDONLY);
            // A log's offset is its size, growing with the seconds the writer has been up.
            long rate = (long) Noise.factor(Noise.key(m.key, "log", i), 20, 400);
            long pos = log ? 4096 + (long) (rate * seconds) : 0;
            fds.add(new FileDescriptor(fd++, path, flags, pos, mountId(path, mounts), AddressSpace.inode(path)));
        }
        long ino = m.firstInode + 1;
        for (int i = 0; i < m.sockets; i++) {
            fds.add(new FileDescriptor(fd++, "socket:[" + ino + "]",
                    FileDescriptor.O_RDWR | FileDescriptor.O_NONBLOCK | O_CLOEXEC, 0, SOCKFS_MNT, ino));
            ino++;
        }
        for (int i = 0; i < m.pipes; i++) {
            String pipe = "pipe:[" + ino + "]";
            fds.add(new FileDescriptor(fd++, pipe, O_RDONLY | FileDescriptor.O_NONBLOCK | O_CLOEXEC, 0, PIPEFS_MNT,
                    ino));
            fds.add(new FileDescriptor(fd++, pipe, FileDescriptor.O_WRONLY | FileDescriptor.O_NONBLOCK | O_CLOEXEC, 0,
                    PIPEFS_MNT, ino));
            ino++;
        }
        if (m.role == Member.Role.SHELL) {
            // bash keeps its terminal on fd 255, close-on-exec, out of the way of redirections.
            String tty = ttyPath(m.ttyNr);
            fds.add(new FileDescriptor(255, tty, O_LARGEFILE | O_CLOEXEC | FileDescriptor.O_RDWR, 0,
                    mountId(tty, mounts), 3 + (m.ttyNr & 0xff)));
        }
        return fds;
    }

    /** The device path of an encoded tty number: /dev/pts/N for major 136, /dev/ttyN for major 4. */
    static String ttyPath(int ttyNr) {
        int major = (ttyNr >> 8) & 0xfff;
        int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
        return major == 136 ? "/dev/pts/" + minor : "/dev/tty" + minor;
    }

    /** The mount id of the mount a path lies on: the longest mount point that is a prefix of it. */
    static int mountId(String path, List<MountEntry> mounts) {
        int best = -1;
        int length = -1;
        for (int i = 0; i < mounts.size(); i++) {
            String point = mounts.get(i).mountPoint();
            boolean under = point.equals("/") || path.equals(point) || path.startsWith(point + "/");
            if (under && point.length() > length) {
                best = i;
                length = point.length();
            }
        }
        return best < 0 ? MOUNT_ID_BASE : MOUNT_ID_BASE + best;
    }
}
