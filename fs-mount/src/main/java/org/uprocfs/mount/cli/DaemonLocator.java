package org.uprocfs.mount.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.uprocfs.mount.session.MountPoints;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.Preflight;
import org.uprocfs.mount.session.RuntimeFiles;

/** Finds the control socket of the daemon a module command is meant for. */
final class DaemonLocator {
    private DaemonLocator() {
    }

    /** The socket for the given mount point, or for the only running daemon when none is named. */
    static Path socketFor(Path mountPoint) {
        if (mountPoint != null) {
            Path socket = RuntimeFiles.forMountPoint(MountPoints.real(mountPoint)).checkTrusted().socket();
            if (!Files.exists(socket)) {
                throw new MountProblem("No uprocfs daemon serves " + mountPoint + ".", Preflight.EXIT_USAGE);
            }
            return socket;
        }
        List<Path> sockets = liveSockets();
        if (sockets.isEmpty()) {
            throw new MountProblem("No uprocfs daemon is running: mount one with 'uprocfs mount MOUNTPOINT'.",
                    Preflight.EXIT_USAGE);
        }
        if (sockets.size() > 1) {
            throw new MountProblem("Several uprocfs daemons are running: name one with --mount MOUNTPOINT.",
                    Preflight.EXIT_USAGE);
        }
        new RuntimeFiles(sockets.get(0).getParent()).checkTrusted();
        return sockets.get(0);
    }

    private static List<Path> liveSockets() {
        Path base = RuntimeFiles.base();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(base)) {
            return dirs.map(RuntimeFiles::new)
                    .filter(files -> Files.exists(files.socket()))
                    .filter(files -> ProcessHandle.of(files.recordedPid()).map(ProcessHandle::isAlive).orElse(false))
                    .map(RuntimeFiles::socket)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
