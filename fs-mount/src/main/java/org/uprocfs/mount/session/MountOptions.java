package org.uprocfs.mount.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The FUSE mount options uprocfs passes to libfuse2; {@code autoUnmount} starts an {@link UnmountWatcher}
 * instead of libfuse's {@code auto_unmount}, which forks fusermount from the JVM on the mount path.
 */
public record MountOptions(boolean allowOther, boolean autoUnmount, boolean debug) {

    /** Mount options for a private mount that unmounts itself when the daemon dies. */
    public static MountOptions defaults() {
        return new MountOptions(false, true, false);
    }

    /**
     * The libfuse2 command-line options: direct_io so every read reaches the daemon and st_size 0 is
     * harmless (jnr-fuse cannot set direct_io per open); big_writes and max_write so one write(2) of up to
     * 128 KiB arrives as one call; use_ino for stable inode numbers. entry_timeout and attr_timeout stay at
     * libfuse's 1 second and negative lookups are not cached, because modules load and unload at runtime:
     * a removed entry must stop stat-ing promptly and a new one must appear at once.
     */
    public List<String> fuseArguments() {
        // intr: libfuse passes the kernel's FUSE_INTERRUPT on, so a reader blocked in kmsg answers EINTR at once
        // when its caller is signalled or killed; SIGUSR1, the signal libfuse then sends the serving thread, is
        // one the JVM leaves alone, and libfuse gives it an empty handler.
        List<String> options = new ArrayList<>(List.of("intr", "intr_signal=10", "direct_io", "big_writes", "max_write=131072",
                "max_read=131072", "use_ino", "fsname=uprocfs", "subtype=uprocfs"));
        if (allowOther) {
            options.add("allow_other");
        }
        List<String> arguments = new ArrayList<>(List.of("-o", String.join(",", options)));
        if (debug) {
            arguments.add("-d");
        }
        return List.copyOf(arguments);
    }
}
