package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.LoggerFactory;

/** Checks everything a mount needs before trying, so mistakes get one plain sentence instead of a stack trace. */
public final class Preflight {
    /** Exit code for a usage mistake (bad mount point, bad option). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a missing system prerequisite (FUSE, libfuse2). */
    public static final int EXIT_ENVIRONMENT = 3;
    /** Exit code for a mount point already in use. */
    public static final int EXIT_BUSY = 4;

    private static final Path DEV_FUSE = Path.of("/dev/fuse");

    private Preflight() {
    }

    /** Verifies /dev/fuse, libfuse2 and fusermount, and the mount point; clears a stale uprocfs mount on it. */
    public static void check(Path mountPoint) {
        checkEnvironment();
        checkMountPoint(mountPoint);
    }

    /** /dev/fuse present, libfuse2 installed, fusermount on the PATH. */
    public static void checkEnvironment() {
        if (!Files.exists(DEV_FUSE)) {
            throw new MountProblem("There is no /dev/fuse on this machine: load the fuse kernel module "
                    + "(modprobe fuse) or run the container with --device /dev/fuse.", EXIT_ENVIRONMENT);
        }
        if (!Files.isReadable(DEV_FUSE) || !Files.isWritable(DEV_FUSE)) {
            throw new MountProblem("/dev/fuse is not open to user " + System.getProperty("user.name")
                    + " on this machine: run uprocfs as root, or let users in with 'chmod 0666 /dev/fuse'.",
                    EXIT_ENVIRONMENT);
        }
        if (!LibFuse2.installed()) {
            throw new MountProblem("libfuse2 is not installed: run 'apt-get install -y libfuse2 fuse' as root.",
                    EXIT_ENVIRONMENT);
        }
        if (!FuseCommands.onPath("fusermount")) {
            throw new MountProblem("fusermount is not on the PATH: run 'apt-get install -y fuse' as root.",
                    EXIT_ENVIRONMENT);
        }
    }

    /** The mount point exists, is a directory and is not mounted; a dead FUSE mount on it is cleared. */
    public static void checkMountPoint(Path mountPoint) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(mountPoint, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isDirectory()) {
                throw new MountProblem("The mount point " + mountPoint + " is not a directory.", EXIT_USAGE);
            }
        } catch (NoSuchFileException e) {
            throw new MountProblem("The mount point " + mountPoint + " does not exist: create it with mkdir first.",
                    EXIT_USAGE);
        } catch (FileSystemException e) {
            if (isDisconnected(e)) {
                clearStale(mountPoint);
                return;
            }
            throw new MountProblem("The mount point " + mountPoint + " cannot be used: " + reason(e) + ".", EXIT_USAGE);
        } catch (IOException e) {
            throw new MountProblem("The mount point " + mountPoint + " cannot be used: " + e.getMessage() + ".",
                    EXIT_USAGE);
        }
        MountTable.Mount existing = MountTable.at(mountPoint);
        if (existing != null) {
            throw new MountProblem("Something is already mounted on " + mountPoint + " (" + existing.type()
                    + "): unmount it first with 'uprocfs umount " + mountPoint + "'.", EXIT_BUSY);
        }
        Path real = realPath(mountPoint);
        for (String kernel : KERNEL_TREES) {
            if (real.startsWith(kernel) && !real.equals(Path.of(kernel))) {
                throw new MountProblem("The mount point " + mountPoint + " is inside the kernel's " + kernel
                        + ": a mount there would hide the host's own files.", EXIT_USAGE);
            }
        }
        try (java.util.stream.Stream<Path> entries = Files.list(mountPoint)) {
            if (entries.findAny().isPresent()) {
                // libfuse2's fusermount refuses it too, in three lines of its own.
                throw new MountProblem("The mount point " + mountPoint + " is not empty: mount on an empty directory.",
                        EXIT_USAGE);
            }
        } catch (IOException e) {
            throw new MountProblem("The mount point " + mountPoint + " cannot be read: " + e.getMessage() + ".",
                    EXIT_USAGE);
        }
    }

    /** The host's kernel trees, which a mount inside would shadow for every process. */
    private static final List<String> KERNEL_TREES = List.of("/proc", "/sys");

    private static Path realPath(Path mountPoint) {
        try {
            return mountPoint.toRealPath();
        } catch (IOException e) {
            return mountPoint.toAbsolutePath().normalize();
        }
    }

    /** A daemon killed with SIGKILL leaves "Transport endpoint is not connected": detach it and go on. */
    private static void clearStale(Path mountPoint) {
        // The logger only here: the CLI's own JVM never starts logging (its start-up would cost 80 ms).
        LoggerFactory.getLogger(Preflight.class).warn("clearing a stale FUSE mount on {} left by a daemon that died",
                mountPoint);
        FuseCommands.Outcome outcome = FuseCommands.unmount(mountPoint, true);
        if (!outcome.succeeded()) {
            throw new MountProblem("The mount point " + mountPoint + " holds a dead FUSE mount that could not be "
                    + "cleared (" + outcome.output() + "): run 'fusermount -u -z " + mountPoint + "'.", EXIT_BUSY);
        }
    }

    private static boolean isDisconnected(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && reason.contains("Transport endpoint is not connected");
    }

    private static String reason(FileSystemException e) {
        return e.getReason() == null ? e.getMessage() : e.getReason().toLowerCase(java.util.Locale.ROOT);
    }
}
