package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a daemon keeps its log, pid file and control socket: one private directory per mount point,
 * under /run/uprocfs for root, else under $XDG_RUNTIME_DIR or the temp directory. Never inside the mount.
 */
public record RuntimeFiles(Path directory) {

    /** The runtime directory for a mount point. */
    public static RuntimeFiles forMountPoint(Path mountPoint) {
        String absolute = mountPoint.toAbsolutePath().normalize().toString();
        String leaf = mountPoint.getFileName() == null ? "root" : mountPoint.getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "_");
        return new RuntimeFiles(base().resolve(leaf + "-" + shortHash(absolute)));
    }

    /** The directory holding every daemon's runtime directory. */
    public static Path base() {
        String override = System.getProperty("uprocfs.runtime");
        if (override != null) {
            return Path.of(override);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/run/uprocfs");
        }
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "uprocfs");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "uprocfs-" + System.getProperty("user.name"));
    }

    /** Creates the directory, private to its owner (0700), after checking that nobody else controls its parent. */
    public RuntimeFiles create() throws IOException {
        Files.createDirectories(directory.getParent());
        checkPrivate(directory.getParent());
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory);
        }
        checkPrivate(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return this;
    }

    /**
     * Refuses a runtime directory (or its parent) that the user does not own, that others may write, or
     * that is a symbolic link: under a shared /tmp another user could create it first and plant a control
     * socket or a pid file that would answer, or be signalled, in the user's name.
     */
    public RuntimeFiles checkTrusted() {
        try {
            checkPrivate(directory.getParent());
            if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
                checkPrivate(directory);
            }
        } catch (IOException e) {
            throw new MountProblem("The runtime directory " + directory + " cannot be checked: " + e.getMessage() + ".",
                    Preflight.EXIT_ENVIRONMENT);
        }
        return this;
    }

    private static void checkPrivate(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new MountProblem("The runtime directory " + path + " is a symbolic link; remove it and try again.",
                    Preflight.EXIT_ENVIRONMENT);
        }
        String user = System.getProperty("user.name");
        String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(user)) {
            throw new MountProblem("The runtime directory " + path + " belongs to " + owner + ", not to " + user
                    + "; remove it or set XDG_RUNTIME_DIR.", Preflight.EXIT_ENVIRONMENT);
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new MountProblem("The runtime directory " + path + " can be written by others; make it private "
                    + "(chmod 700) or remove it.", Preflight.EXIT_ENVIRONMENT);
        }
    }

    /**
     * Removes the directory after a clean unmount, so mount points used once leave nothing behind; a
     * directory holding anything else than the daemon's own files stays. A failed start keeps it, for its log.
     */
    public void removeAfterCleanExit() {
        try {
            for (Path file : java.util.List.of(socket(), pidFile(), mountPointFile(), status(), log(),
                    directory.resolve("daemon.log.1"), directory.resolve("daemon.log.2"), directory.resolve("daemon.lock"))) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
            DirectoryLock.release(directory.resolve("daemon.lock"));
        } catch (IOException notEmpty) {
            // Someone else's file in it: leave the directory as it is.
        }
    }

    /**
     * Claims the directory for this daemon before anything in it is touched: a second daemon for the same
     * mount point (a racing or repeated mount) is refused here, so it never removes the first one's socket
     * or pid file. The claim lasts as long as the daemon.
     */
    public RuntimeFiles claim(Path mountPoint) {
        try {
            if (!DirectoryLock.claim(directory.resolve("daemon.lock"))) {
                throw new MountProblem("Another uprocfs daemon is starting or serving " + mountPoint + ".",
                        Preflight.EXIT_BUSY);
            }
        } catch (IOException e) {
            throw new MountProblem("The runtime directory " + directory + " cannot be locked: " + e.getMessage() + ".",
                    Preflight.EXIT_ENVIRONMENT);
        }
        return this;
    }

    /** The daemon's log file. */
    public Path log() {
        return directory.resolve("daemon.log");
    }

    /** Where a starting daemon reports READY or FAILED. */
    public Path status() {
        return directory.resolve("daemon.status");
    }

    /** The control channel (a Unix domain socket). */
    public Path socket() {
        return directory.resolve("control.sock");
    }

    /** The daemon's pid. */
    public Path pidFile() {
        return directory.resolve("daemon.pid");
    }

    /** The mount point the daemon serves, as text. */
    public Path mountPointFile() {
        return directory.resolve("mountpoint");
    }

    /** The pid recorded by a daemon, or -1. */
    public long recordedPid() {
        try {
            return Long.parseLong(Files.readString(pidFile(), StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * 40 bits of a 64-bit FNV-1a hash of the path: enough to tell mount points with the same leaf apart,
     * and no MessageDigest, whose security providers cost both the CLI and the daemon about 20 ms to load.
     */
    private static String shortHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        String hex = Long.toHexString(hash >>> 24);
        return "0".repeat(10 - hex.length()) + hex;
    }
}
