package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** --state keeps every acknowledged write across a SIGKILL; corrupt state is refused by name. */
class DurableStateIT {
    private Path mountPoint;
    private Path state;

    @AfterEach
    void cleanUp() throws IOException {
        Cli.run("umount", mountPoint.toString());
        Files.deleteIfExists(mountPoint);
        if (state != null) {
            try (Stream<Path> files = Files.walk(state)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void sigkillAfterWrites_restartWithState_losesNoAcknowledgedWrite() throws Exception {
        mountPoint = Cli.newMountPoint();
        state = Files.createTempDirectory("uprocfs-state-");
        Shell.Run mount = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());
        ProcessHandle daemon = ProcessHandle.of(Cli.daemonPid(mount)).orElseThrow();
        Path swappiness = mountPoint.resolve("sys/vm/swappiness");
        int last = -1;
        for (int i = 0; i < 1000; i++) {
            int value = i % 201;
            if (Posix.writeOnce(swappiness, Integer.toString(value)).value() > 0) {
                last = value;
            }
        }
        daemon.destroyForcibly();
        daemon.onExit().get(10, TimeUnit.SECONDS);
        Shell.Run again = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString());
        assertEquals(0, again.exitCode(), again.stderr());
        assertEquals(last + "\n", new String(Posix.readAll(swappiness, 4096), StandardCharsets.UTF_8));
    }

    @Test
    void sigkill_restartWithState_keepsFortunePotAndEtxBuffer() throws Exception {
        mountPoint = Cli.newMountPoint();
        state = Files.createTempDirectory("uprocfs-state-");
        String[] mount = {"mount", "--modules", "fortune,etx_proc", "--state", state.toString(), mountPoint.toString()};
        Shell.Run first = Cli.run(mount);
        assertEquals(0, first.exitCode(), first.stderr());
        Shell.Run writes = Shell.sh(mountPoint, "echo 'first cookie' > fortune; echo 'second cookie' > fortune; "
                + "echo 'saved value' > etx_proc");
        assertEquals(0, writes.exitCode(), writes.stderr());
        ProcessHandle daemon = ProcessHandle.of(Cli.daemonPid(first)).orElseThrow();
        daemon.destroyForcibly();
        daemon.onExit().get(10, TimeUnit.SECONDS);
        Shell.Run again = Cli.run(mount);
        assertEquals(0, again.exitCode(), again.stderr());
        Shell.Run reads = Shell.sh(mountPoint, "cat fortune; cat fortune; cat etx_proc");
        assertEquals("first cookie\nsecond cookie\nsaved value\n", reads.stdout(), reads.stderr());
    }

    @Test
    void corruptStateFile_isRefusedByName_unlessResetState() throws Exception {
        mountPoint = Cli.newMountPoint();
        state = Files.createTempDirectory("uprocfs-state-");
        Shell.Run first = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString());
        assertEquals(0, first.exitCode(), first.stderr());
        Posix.writeOnce(mountPoint.resolve("sys/vm/swappiness"), "33");
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
        List<Path> files;
        try (Stream<Path> listing = Files.list(state)) {
            // The daemon's lock file holds no state.
            files = listing.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".lock")).toList();
        }
        assertTrue(!files.isEmpty(), "state was written");
        for (Path file : files) {
            Files.write(file, "garbage\u0000\u0001".getBytes(StandardCharsets.UTF_8));
        }
        Shell.Run refused = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString());
        assertTrue(refused.exitCode() != 0, refused.stdout());
        assertTrue(refused.stderr().contains(files.get(0).getFileName().toString()), refused.stderr());
        Shell.Run reset = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), "--reset-state",
                mountPoint.toString());
        assertEquals(0, reset.exitCode(), reset.stderr());
        assertEquals("60\n", new String(Posix.readAll(mountPoint.resolve("sys/vm/swappiness"), 4096), StandardCharsets.UTF_8));
    }

    @Test
    void secondDaemonOnTheSameStateDirectory_isRefusedAndTheFirstKeepsServing() throws Exception {
        mountPoint = Cli.newMountPoint();
        Path second = Cli.newMountPoint();
        state = Files.createTempDirectory("uprocfs-state-");
        try {
            Shell.Run first = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString());
            assertEquals(0, first.exitCode(), first.stderr());
            Shell.Run refused = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), second.toString());
            assertEquals(4, refused.exitCode(), refused.stderr());
            assertEquals("uprocfs: The state directory " + state.toRealPath() + " is in use by another uprocfs daemon.",
                    refused.stderr().trim());
            Posix.writeOnce(mountPoint.resolve("sys/vm/swappiness"), "42");
            assertEquals("42\n", new String(Posix.readAll(mountPoint.resolve("sys/vm/swappiness"), 4096),
                    StandardCharsets.UTF_8));
        } finally {
            Cli.run("umount", second.toString());
            Files.deleteIfExists(second);
        }
    }

    @Test
    void stateDirectory_isFreeAgainAfterAnUnmount() throws Exception {
        mountPoint = Cli.newMountPoint();
        state = Files.createTempDirectory("uprocfs-state-");
        assertEquals(0, Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString()).exitCode());
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
        Shell.Run again = Cli.run("mount", "--modules", "sysctl", "--state", state.toString(), mountPoint.toString());
        assertEquals(0, again.exitCode(), again.stderr());
    }

    @Test
    void readOnlyStateDirectory_isRefusedAtMountInOneSentence() throws Exception {
        mountPoint = Cli.newMountPoint();
        Path readOnly = Files.createTempDirectory("uprocfs-ro-state-");
        Shell.Run ro = Shell.run(Path.of("."), List.of("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs",
                readOnly.toString()), 10);
        assertEquals(0, ro.exitCode(), ro.stderr());
        try {
            Shell.Run refused = Cli.run("mount", "--modules", "sysctl", "--state", readOnly.toString(), mountPoint.toString());
            assertEquals(2, refused.exitCode(), refused.stderr());
            assertTrue(refused.stderr().contains("not writable"), refused.stderr());
            assertEquals(1, refused.stderr().lines().count(), refused.stderr());
        } finally {
            Shell.run(Path.of("."), List.of("umount", readOnly.toString()), 10);
            Files.deleteIfExists(readOnly);
        }
    }
}
