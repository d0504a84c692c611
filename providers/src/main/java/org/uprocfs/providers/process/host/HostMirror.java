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
    /**
     * Left out below the pid: binary or address-space files ({@code mem}, {@code pagemap}, {@code
     * map_files}, {@code clear_refs}) and {@code net}, whose files describe the simulated system's network.
     */
    private static final Set<String> LEFT_OUT = Set.of("mem", "pagemap", "map_files", "clear_refs", "net");

    private final Path dir;
    private final HostIdentity target;
    private final String guardedName;
    private final boolean top;

    private HostMirror(Path dir, HostIdentity target, String guardedName, boolean top) {
        this.dir = dir;
        this.target = target;
        this.guardedName = guardedName;
        this.top = top;
    }

    /** The directory node of a host process or thread, owned by its effective uid as the kernel shows it. */
    public static Node.Dir of(Path hostDir, HostIdentity target) {
        return new Node.Dir(0555, target.euid(), target.egid(), new HostMirror(hostDir, target, null, true));
    }

    @Override
    public Node lookup(String name, Caller caller) {
        if (top && LEFT_OUT.contains(name)) {
            return null;
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
            // task/TID is a process directory of its own: its entries are guarded by their own names.
            boolean taskDir = top && name.equals("task");
            return new Node.Dir(mode & 07777, uid, gid, new HostMirror(path, target, taskDir ? null : guard, taskDir));
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
                if (!(top && LEFT_OUT.contains(name))) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process exited while listed: an empty directory, as the kernel's readdir of a dead task.
        }
        return names;
    }
}
