package org.uprocfs.mount.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.uprocfs.mount.session.FuseCommands;
import org.uprocfs.mount.session.MountPoints;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.MountTable;
import org.uprocfs.mount.session.Preflight;
import org.uprocfs.mount.session.RuntimeFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code uprocfs umount MOUNTPOINT}: unmounts and waits for the daemon to exit. */
@Command(name = "umount", mixinStandardHelpOptions = true, description = "Unmount uprocfs and stop its daemon.")
public final class UmountCommand implements Callable<Integer> {
    private static final long DAEMON_EXIT_MILLIS = 15_000;

    @Parameters(index = "0", paramLabel = "MOUNTPOINT")
    Path mountPoint;

    @Override
    public Integer call() throws IOException {
        Path absolute = MountPoints.real(mountPoint);
        RuntimeFiles files = RuntimeFiles.forMountPoint(absolute).checkTrusted();
        // Only a live uprocfs daemon of this mount point is ever waited for or signalled, whatever the pid file says.
        Optional<ProcessHandle> daemon = ProcessHandle.of(files.recordedPid()).filter(p -> isDaemonOf(p, absolute));
        MountTable.Mount mount = MountTable.at(absolute);
        if (mount == null) {
            if (!isDisconnected(absolute)) {
                throw new MountProblem("Nothing is mounted on " + absolute + ".", Preflight.EXIT_USAGE);
            }
        } else if (!mount.type().startsWith("fuse")) {
            throw new MountProblem(absolute + " holds a " + mount.type() + " mount, not uprocfs.", Preflight.EXIT_USAGE);
        }
        FuseCommands.Outcome outcome = FuseCommands.unmount(absolute, mount == null);
        if (!outcome.succeeded()) {
            if (outcome.output().contains("busy")) {
                throw new MountProblem(absolute + " is busy: close the files and shells using it (see 'fuser -vm "
                        + absolute + "') and try again.", Preflight.EXIT_BUSY);
            }
            throw new MountProblem("Unmounting " + absolute + " failed: " + outcome.output() + ".", Preflight.EXIT_BUSY);
        }
        if (daemon.isPresent()) {
            long deadline = System.currentTimeMillis() + DAEMON_EXIT_MILLIS;
            while (daemon.get().isAlive() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (daemon.get().isAlive()) {
                daemon.get().destroy();
            }
        }
        Files.deleteIfExists(files.pidFile());
        System.out.println("uprocfs: unmounted " + absolute);
        return 0;
    }

    /** Whether a process is the uprocfs daemon of this mount point: its command line says mount and names it. */
    static boolean isDaemonOf(ProcessHandle process, Path mountPoint) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        // A mount point typed as a relative path is relative to the daemon's own working directory.
        Path cwd;
        try {
            cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            cwd = Path.of("/");
        }
        boolean mount = false;
        boolean names = false;
        for (String argument : arguments) {
            mount |= argument.equals("mount");
            try {
                names |= !argument.startsWith("-") && MountPoints.real(cwd.resolve(argument)).equals(mountPoint);
            } catch (java.nio.file.InvalidPathException notAPath) {
                // Not the mount point.
            }
        }
        return mount && names;
    }

    private static boolean isDisconnected(Path path) {
        try {
            Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            return false;
        } catch (FileSystemException e) {
            return e.getReason() != null && e.getReason().contains("Transport endpoint is not connected");
        } catch (IOException e) {
            return false;
        }
    }
}
