package org.uprocfs.providers.process.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.WriteHandler;
import org.uprocfs.core.api.WriteRequest;
import org.uprocfs.providers.process.files.TimerslackWriter;

/**
 * A write to a real process's per-pid file, passed to the host only for root or the process itself, so
 * the daemon's privileges never act for another caller; the host kernel's answer is the caller's.
 */
final class HostWrite implements WriteHandler {
    private final Path path;
    private final HostIdentity target;
    private final String name;

    HostWrite(Path path, HostIdentity target, String name) {
        this.path = path;
        this.target = target;
        this.name = name;
    }

    @Override
    public int write(WriteRequest request) {
        if (!request.caller().isRoot() && request.caller().pid() != target.tgid()) {
            // comm_write answers EINVAL to another thread group; timerslack_ns_write parses the number
            // first, then asks for CAP_SYS_NICE; the rest need privileges the caller lacks.
            if (name.equals("timerslack_ns")) {
                TimerslackWriter.parse(request.data());
                throw new ProcException(Errno.EPERM, path + " of another task needs CAP_SYS_NICE");
            }
            throw new ProcException(name.equals("comm") ? Errno.EINVAL : Errno.EACCES, path.toString());
        }
        try {
            Files.write(path, request.data(), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw HostErrors.of(e, path);
        }
        return request.length();
    }
}
