package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.mount.session.MountTable;

/**
 * The command lines of {@code dist/uprocfs@.service}, run the way systemd runs them: start, a SIGKILL of
 * the whole process group (as systemd kills a cgroup), the stop-post clean-up, and a restart.
 */
class SystemdUnitIT {
    private static final Path UNIT = Path.of(System.getProperty("user.dir")).resolveSibling("dist")
            .resolve("uprocfs@.service");

    private Path mountPoint;
    private Process daemon;

    @AfterEach
    void cleanUp() throws IOException {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly();
        }
        if (mountPoint != null) {
            if (MountTable.at(mountPoint) != null) {
                Shell.run(Path.of("."), List.of("fusermount", "-u", "-z", mountPoint.toString()), 10);
            }
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void unit_declaresRestartOnFailureAndClearsStaleMountsAroundEachRun() throws IOException {
        List<String> lines = Files.readAllLines(UNIT, StandardCharsets.UTF_8);
        assertTrue(lines.contains("Restart=on-failure"), "Restart=on-failure");
        assertTrue(command(lines, "ExecStopPost").contains("fusermount -u -z %f"));
        assertTrue(command(lines, "ExecStartPre").contains("fusermount -u -z %f"));
        assertTrue(command(lines, "ExecStart").contains("mount --foreground"), "systemd supervises the daemon itself");
    }

    @Test
    void unitCommands_sigkillOfTheWholeGroupThenStopPostAndRestart_leaveAWorkingMount() throws Exception {
        mountPoint = Cli.newMountPoint();
        List<String> lines = Files.readAllLines(UNIT, StandardCharsets.UTF_8);
        run(command(lines, "ExecStartPre"));

        daemon = start(command(lines, "ExecStart"));
        awaitServing();
        // systemd kills every process of the unit at once: the JVM and its unmount watcher alike.
        Shell.run(Path.of("."), List.of("kill", "-9", "--", "-" + daemon.pid()), 10);
        assertTrue(daemon.waitFor(10, TimeUnit.SECONDS), "the daemon died");
        run(command(lines, "ExecStopPost"));

        assertNull(MountTable.at(mountPoint), "no mount, stale or live, after ExecStopPost");
        assertEquals(0, Shell.sh(Path.of("."), "ls " + mountPoint).exitCode(), "the directory answers again");

        run(command(lines, "ExecStartPre"));
        daemon = start(command(lines, "ExecStart"));
        awaitServing();
        daemon.destroy();
        assertTrue(daemon.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the daemon within TimeoutStopSec");
        run(command(lines, "ExecStopPost"));
        assertNull(MountTable.at(mountPoint));
    }

    private void awaitServing() {
        Path version = mountPoint.resolve("selftest/version");
        Await.until("the unit's daemon serves " + version, Duration.ofSeconds(60), () -> {
            try {
                return daemon.isAlive() && Files.readString(version).equals("uprocfs selftest 1\n");
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** The value of {@code key=} with the unit's specifiers and environment filled in for this test. */
    private String command(List<String> lines, String key) {
        String line = lines.stream().filter(l -> l.startsWith(key + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("the unit has no " + key));
        String value = line.substring(key.length() + 1);
        if (mountPoint == null) {
            return value;
        }
        return value.replace("${UPROCFS_JAR}", Cli.jar().toString())
                .replace("$UPROCFS_ARGS", "--modules=selftest")
                .replace("%f", mountPoint.toString());
    }

    private static List<String> words(String command) {
        // "-" in front: systemd ignores the command's failure.
        String plain = command.startsWith("-") ? command.substring(1) : command;
        return new ArrayList<>(Arrays.asList(plain.trim().split("\\s+")));
    }

    private static void run(String command) {
        Shell.run(Path.of("."), words(command), 30);
    }

    private static Process start(String command) throws IOException {
        // setsid: a process group of its own, like the unit's cgroup, so one kill reaches every process.
        List<String> argv = words(command);
        argv.add(0, "setsid");
        return new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
