package org.uprocfs.providers.process.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.RawReadHandler;
import org.uprocfs.core.api.RawReadSession;

/**
 * One host per-pid file read through: the ptrace check happens at open, as {@code proc_mem_open} and
 * {@code environ_open} make it; the content is read once per pass from offset 0, so a reader walking
 * the file sees one snapshot, and a read at 0 again (top's lseek) reads it afresh, as seq_read does.
 */
final class HostFile implements RawReadHandler {
    private final Path path;
    private final HostIdentity target;
    private final boolean guarded;

    HostFile(Path path, HostIdentity target, boolean guarded) {
        this.path = path;
        this.target = target;
        this.guarded = guarded;
    }

    @Override
    public RawReadSession open(OpenRequest request) {
        boolean permitted = PtraceRule.mayAccess(request.caller(), target);
        if (guarded && !permitted) {
            throw new ProcException(Errno.EACCES, path + " is another user's");
        }
        String name = path.getFileName().toString();
        return new Session(!permitted && name.equals("stat"), refusedAtRead(name, request.caller()));
    }

    /**
     * What the host kernel refuses when the task is read, which the daemon's own privileges would pass:
     * {@code stack} is root's only (proc_pid_stack asks CAP_SYS_ADMIN, the owner included), another task's
     * {@code timerslack_ns} needs CAP_SYS_NICE (timerslack_ns_show).
     */
    private ProcException refusedAtRead(String name, Caller caller) {
        if (caller.isRoot()) {
            return null;
        }
        if (name.equals("stack")) {
            return new ProcException(Errno.EACCES, path + " needs CAP_SYS_ADMIN");
        }
        if (name.equals("timerslack_ns") && caller.pid() != target.tgid()) {
            return new ProcException(Errno.EPERM, path + " of another task needs CAP_SYS_NICE");
        }
        return null;
    }

    private final class Session implements RawReadSession {
        private final boolean redactStat;
        private final ProcException refused;
        private byte[] content;

        Session(boolean redactStat, ProcException refused) {
            this.redactStat = redactStat;
            this.refused = refused;
        }

        @Override
        public synchronized int read(long offset, byte[] dst, int count) {
            if (refused != null) {
                throw refused;
            }
            if (content == null || offset == 0) {
                try {
                    content = Files.readAllBytes(path);
                    if (redactStat) {
                        content = StatRedaction.redact(content);
                    }
                } catch (IOException e) {
                    throw HostErrors.of(e, path);
                }
            }
            if (offset >= content.length) {
                return 0;
            }
            int n = (int) Math.min(count, content.length - offset);
            System.arraycopy(content, (int) offset, dst, 0, n);
            return n;
        }
    }
}
