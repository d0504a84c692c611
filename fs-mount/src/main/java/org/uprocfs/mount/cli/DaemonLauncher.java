package org.uprocfs.mount.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.uprocfs.mount.session.FuseCommands;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.Preflight;
import org.uprocfs.mount.session.RuntimeFiles;

/** Starts the daemon as a detached JVM and waits for it to report readiness (or a failure) on its stdout. */
final class DaemonLauncher {
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final Path mountPoint;
    private final MountCommand command;

    DaemonLauncher(Path mountPoint, MountCommand command) {
        this.mountPoint = mountPoint;
        this.command = command;
    }

    int launch() throws IOException, InterruptedException {
        // Check here too, so mistakes are reported at once by the command the user typed.
        Preflight.check(mountPoint);
        RuntimeFiles files = RuntimeFiles.forMountPoint(mountPoint).create();
        List<String> cmd = new ArrayList<>();
        if (FuseCommands.onPath("setsid")) {
            cmd.add("setsid");
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-Duprocfs.log=" + files.log());
        cmd.add("-Duprocfs.appender=FILE");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(UprocfsCommand.class.getName());
        cmd.addAll(command.daemonArguments(mountPoint));
        Process daemon = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> readLine(out)).get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            daemon.destroy();
            throw new MountProblem("The daemon did not become ready within " + READY_TIMEOUT_SECONDS
                    + " seconds; see " + files.log() + ".", Preflight.EXIT_ENVIRONMENT);
        } catch (ExecutionException e) {
            throw new MountProblem("The daemon could not be started: " + e.getCause().getMessage() + ".",
                    Preflight.EXIT_ENVIRONMENT);
        }
        if (line != null && line.startsWith(MountCommand.READY)) {
            System.out.println("uprocfs: mounted on " + mountPoint + " (daemon pid "
                    + line.substring(MountCommand.READY.length()).trim() + ", log " + files.log() + ")");
            return 0;
        }
        if (line != null && line.startsWith(MountCommand.FAILED)) {
            String rest = line.substring(MountCommand.FAILED.length()).trim();
            int lastSpace = rest.lastIndexOf(' ');
            int code = Preflight.EXIT_ENVIRONMENT;
            try {
                code = Integer.parseInt(rest.substring(lastSpace + 1));
                rest = rest.substring(0, lastSpace);
            } catch (NumberFormatException | IndexOutOfBoundsException ignored) {
                // An old daemon without a code: keep the default.
            }
            throw new MountProblem(rest, code);
        }
        daemon.waitFor(5, TimeUnit.SECONDS);
        throw new MountProblem("The daemon stopped before it was ready; see " + files.log() + ".",
                Preflight.EXIT_ENVIRONMENT);
    }

    /** The daemon's report: the first READY or FAILED line (anything else it printed is skipped), or null. */
    private static String readLine(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(MountCommand.READY) || line.startsWith(MountCommand.FAILED)) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
