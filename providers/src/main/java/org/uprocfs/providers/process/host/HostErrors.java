package org.uprocfs.providers.process.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/** Turns a failed host read or write into the errno the host kernel gave, as far as Java reports it. */
final class HostErrors {
    private HostErrors() {
    }

    static ProcException of(IOException e, Path path) {
        if (e instanceof NoSuchFileException) {
            // The task exited under an open handle or lookup: the kernel's proc_single_show says ESRCH.
            return new ProcException(Errno.ESRCH, path + ": the process is gone");
        }
        if (e instanceof AccessDeniedException) {
            return new ProcException(Errno.EACCES, path.toString());
        }
        String reason = e instanceof FileSystemException fs ? String.valueOf(fs.getReason()) : String.valueOf(e.getMessage());
        if (reason.contains("No such process")) {
            return new ProcException(Errno.ESRCH, path + ": the process is gone");
        }
        if (reason.contains("Invalid argument")) {
            return new ProcException(Errno.EINVAL, path.toString());
        }
        if (reason.contains("Permission denied") || reason.contains("Operation not permitted")) {
            return new ProcException(Errno.EACCES, path.toString());
        }
        return new ProcException(Errno.EIO, path + ": " + reason);
    }
}
