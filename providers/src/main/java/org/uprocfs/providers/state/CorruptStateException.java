package org.uprocfs.providers.state;

import java.nio.file.Path;

/** A state file that exists but cannot be trusted: unreadable, truncated, or failing its checksum. */
public final class CorruptStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public CorruptStateException(Path file, String reason, Throwable cause) {
        super("state file " + file + " is unreadable or corrupt: " + reason, cause);
        this.file = file;
    }

    /** The file that was refused. */
    public Path file() {
        return file;
    }
}
