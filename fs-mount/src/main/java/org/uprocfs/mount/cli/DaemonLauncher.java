package org.uprocfs.mount.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.uprocfs.mount.session.FuseCommands;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.Preflight;
import org.uprocfs.mount.session.RuntimeFiles;

/**
 * Starts the daemon as a detached JVM and waits for it to report readiness (or a failure) in its status file.
 *
 * <p>A small {@code sh} starts the daemon in the background, in a session of its own, prints its pid and
 * exits. So no thread of this JVM waits in {@code waitpid()} for the daemon: HotSpot's exit waits up to
 * 300 ms for threads in native code, which was a quarter of {@code uprocfs mount}. The daemon's stdout
 * goes to the status file, where it writes one READY or FAILED line.
 */
final class DaemonLauncher {
    private static final long READY_TIMEOUT_SECONDS = 60;
    private static final long POLL_MILLIS = 5;
    private static final java.util.Set<String> CLASS_PATH_OPTIONS = java.util.Set.of("-jar", "-cp", "-classpath",
            "--class-path");
    private static final String START_IN_BACKGROUND =
            "\"$@\" > \"$UPROCFS_STATUS\" 2>> \"$UPROCFS_LOG\" < /dev/null & echo $!";

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
        Files.deleteIfExists(files.status());
        List<String> cmd = new ArrayList<>(List.of("sh", "-c",
                (FuseCommands.onPath("setsid") ? "setsid " : "") + START_IN_BACKGROUND, "sh"));
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvmOptions());
        cmd.add("-Duprocfs.log=" + files.log());
        cmd.add("-Duprocfs.appender=FILE");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(UprocfsCommand.class.getName());
        cmd.addAll(command.daemonArguments(mountPoint));
        ProcessBuilder starter = new ProcessBuilder(cmd).redirectErrorStream(true);
        starter.environment().put("UPROCFS_STATUS", files.status().toString());
        starter.environment().put("UPROCFS_LOG", files.log().toString());
        Process shell = starter.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        shell.waitFor();
        long pid;
        try {
            pid = Long.parseLong(output);
        } catch (NumberFormatException e) {
            throw new MountProblem("The daemon could not be started: " + output + ".", Preflight.EXIT_ENVIRONMENT);
        }
        String line = awaitReport(files.status(), pid);
        if (line != null && line.startsWith(MountCommand.READY)) {
            System.out.println(MountCommand.mountedSentence(mountPoint,
                    Long.parseLong(line.substring(MountCommand.READY.length()).trim()), files.log()));
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
        if (line == null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            throw new MountProblem("The daemon did not become ready within " + READY_TIMEOUT_SECONDS
                    + " seconds; see " + files.log() + ".", Preflight.EXIT_ENVIRONMENT);
        }
        throw new MountProblem("The daemon stopped before it was ready; see " + files.log() + ".",
                Preflight.EXIT_ENVIRONMENT);
    }

    /**
     * The JVM options this CLI runs with (heap, collector, class-data archive), for the daemon: the leading
     * options of this process's command line, up to the jar or class path. Read from the command line, because
     * the management API that would list them costs about 40 ms to start.
     */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String arg : ProcessHandle.current().info().arguments().orElse(new String[0])) {
            if (!arg.startsWith("-") || CLASS_PATH_OPTIONS.contains(arg) || arg.startsWith("--class-path=")) {
                break;
            }
            options.add(arg);
        }
        return options;
    }

    /** The daemon's report: its first READY or FAILED line; null if it died or the time ran out first. */
    private static String awaitReport(Path status, long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            // The pid first, then the file: a report written just before the daemon exited is still seen.
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            String report = report(status);
            if (report != null || !alive) {
                return report;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return null;
    }

    private static String report(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith(MountCommand.READY) || line.startsWith(MountCommand.FAILED)) {
                    return line;
                }
            }
        } catch (IOException e) {
            // Not written yet.
        }
        return null;
    }
}
