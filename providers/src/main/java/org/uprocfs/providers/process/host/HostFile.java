package org.uprocfs.providers.process.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return new Session(!permitted && path.getFileName().toString().equals("stat"));
    }

    private final class Session implements RawReadSession {
        private final boolean redactStat;
        private byte[] content;

        Session(boolean redactStat) {
            this.redactStat = redactStat;
        }

        @Override
        public synchronized int read(long offset, byte[] dst, int count) {
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
