package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

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

    /** Creates the directory, private to its owner (0700). */
    public RuntimeFiles create() throws IOException {
        Files.createDirectories(directory.getParent());
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
        }
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return this;
    }

    /**
     * Removes the directory after a clean unmount, so mount points used once leave nothing behind; a
     * directory holding anything else than the daemon's own files stays. A failed start keeps it, for its log.
     */
    public void removeAfterCleanExit() {
        try {
            for (Path file : java.util.List.of(socket(), pidFile(), mountPointFile(), status(), log(),
                    directory.resolve("daemon.log.1"), directory.resolve("daemon.log.2"))) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException notEmpty) {
            // Someone else's file in it: leave the directory as it is.
        }
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
