package org.uprocfs.providers.process.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;

/**
 * A real process's {@code /proc/PID} tree read through from the host, in the host kernel's own order,
 * modes and owners, with the kernel's ptrace check applied for the caller (the daemon's own root view is
 * never handed out). Entries that are not text, or that belong to the simulated system, are left out.
 */
public final class HostMirror implements DirectoryOps {
    /** Left out below the pid: binary or address-space files that are no text to read through. */
    private static final Set<String> LEFT_OUT = Set.of("mem", "pagemap", "map_files", "clear_refs");
    private static final String NET = "net";

    private final Path dir;
    private final HostIdentity target;
    private final String guardedName;
    private final Level level;
    private final DirectoryOps network;

    /** Where a mirrored directory sits: a task's own directory, its task/ list, or below either. */
    private enum Level { TASK, TASK_LIST, BELOW }

    private HostMirror(Path dir, HostIdentity target, String guardedName, Level level, DirectoryOps network) {
        this.network = network;
        this.dir = dir;
        this.target = target;
        this.guardedName = guardedName;
        this.level = level;
    }

    /** The directory node of a host process or thread, owned by its effective uid as the kernel shows it. */
    public static Node.Dir of(Path hostDir, HostIdentity target, DirectoryOps network) {
        return new Node.Dir(0555, target.euid(), target.egid(), new HostMirror(hostDir, target, null, Level.TASK, network));
    }

    @Override
    public Node lookup(String name, Caller caller) {
        boolean top = level == Level.TASK;
        if (top && LEFT_OUT.contains(name)) {
            return null;
        }
        if (top && name.equals(NET)) {
            // A reader inside the simulated machine sees its network, not the host's.
            return new Node.Dir(0555, target.euid(), target.egid(), network);
        }
        Path path = dir.resolve(name);
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
        int mode = (Integer) attributes.get("mode");
        int uid = (Integer) attributes.get("uid");
        int gid = (Integer) attributes.get("gid");
        String guard = guardedName != null ? guardedName : PtraceRule.GUARDED.contains(name) ? name : null;
        int type = mode & 0170000;
        if (type == 0040000) {
            // task/TID is a task directory of its own: its entries are guarded by their own names.
            Level below = level == Level.TASK_LIST ? Level.TASK
                    : top && name.equals("task") ? Level.TASK_LIST : Level.BELOW;
            return new Node.Dir(mode & 07777, uid, gid,
                    new HostMirror(path, target, below == Level.BELOW ? guard : null, below, network));
        }
        if (type == 0120000) {
            return new Node.Link(mode & 07777, uid, gid, reader -> {
                if (guard != null && !PtraceRule.mayAccess(reader, target)) {
                    throw new ProcException(Errno.EACCES, path + " is another user's");
                }
                try {
                    return Files.readSymbolicLink(path).toString();
                } catch (IOException e) {
                    throw HostErrors.of(e, path);
                }
            });
        }
        return new Node.File(mode & 07777, uid, gid,
                ProcHandlers.raw(new HostFile(path, target, guard != null)).withWrite(new HostWrite(path, target, name)));
    }

    @Override
    public List<String> names(Caller caller) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!(level == Level.TASK && LEFT_OUT.contains(name))) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process exited while listed: an empty directory, as the kernel's readdir of a dead task.
        }
        return names;
    }
}
