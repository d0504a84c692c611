package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.mount.session.MountTable;
import org.uprocfs.mount.session.RuntimeFiles;

/** The CLI as a user runs it: mount, umount, signals, crashes and mistakes. */
class CliLifecycleIT {
    private Path mountPoint;

    @AfterEach
    void cleanUp() throws IOException {
        if (mountPoint != null) {
            if (MountTable.at(mountPoint) != null) {
                Shell.run(Path.of("."), java.util.List.of("fusermount", "-u", "-z", mountPoint.toString()), 10);
            }
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void mountThenUmount_leavesNoMountAndNoProcess() throws Exception {
        Shell.Run mount = mountSelftest();
        long pid = Cli.daemonPid(mount);
        assertEquals("uprocfs selftest 1\n", Files.readString(mountPoint.resolve("selftest/version")));
        Shell.Run umount = Cli.run("umount", mountPoint.toString());
        assertEquals(0, umount.exitCode(), umount.stderr());
        assertNull(MountTable.at(mountPoint), "no mount left");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no daemon left");
    }

    @Test
    void mount_daemonLogsToTheFileItNamesInTheConfiguredFormat() throws Exception {
        Shell.Run mount = mountSelftest();
        String answer = mount.stdout().trim();
        Path log = Path.of(answer.substring(answer.indexOf(", log ") + ", log ".length(), answer.length() - 1));
        String mounted = Files.readAllLines(log).stream()
                .filter(line -> line.endsWith("MountSession - mounted uprocfs on " + mountPoint.toAbsolutePath().normalize()))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no mounted line in " + log));
        assertTrue(mounted.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] .*"), mounted);
        assertEquals("READY " + Cli.daemonPid(mount), Files.readString(log.resolveSibling("daemon.status")).trim());
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
    }

    @Test
    void mount_modulesAll_loadsTheFixturesToo() throws Exception {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--modules", "all", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());
        java.util.List<String> loaded = Files.readAllLines(mountPoint.resolve("modules")).stream()
                .map(line -> line.split(" ")[0]).toList();
        assertTrue(loaded.contains("selftest") && loaded.contains("hardware") && loaded.contains("sysctl"),
                loaded.toString());
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
    }

    @Test
    void sigkill_thenMount_clearsStaleMountWithOneLogLine() throws Exception {
        mountPoint = Cli.newMountPoint();
        Shell.Run first = Cli.run("mount", "--no-auto-unmount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, first.exitCode(), first.stderr());
        ProcessHandle daemon = ProcessHandle.of(Cli.daemonPid(first)).orElseThrow();
        Shell.run(Path.of("."), java.util.List.of("kill", "-9", Long.toString(daemon.pid())), 10);
        daemon.onExit().get(10, TimeUnit.SECONDS);
        assertTrue(Shell.sh(Path.of("."), "ls " + mountPoint).stderr().contains("Transport endpoint is not connected"),
                "a SIGKILLed daemon leaves a stale mount");
        Shell.Run second = Cli.run("mount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(1, second.stderr().lines().filter(l -> l.contains("stale")).count(), second.stderr());
        assertEquals("uprocfs selftest 1\n", Files.readString(mountPoint.resolve("selftest/version")));
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
    }

    @Test
    void sigkill_withAutoUnmount_leavesNoMount() throws Exception {
        Shell.Run mount = mountSelftest();
        ProcessHandle daemon = ProcessHandle.of(Cli.daemonPid(mount)).orElseThrow();
        daemon.destroyForcibly();
        daemon.onExit().get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (MountTable.at(mountPoint) != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertNull(MountTable.at(mountPoint), "the unmount watcher removes the mount of a dead daemon");
    }

    @Test
    void sigkill_daemonInOwnProcessGroupKilledWithIt_watcherStillUnmounts() throws Exception {
        Shell.Run mount = mountSelftest();
        long pid = Cli.daemonPid(mount);
        // The whole process group of the daemon, as a terminal's Ctrl-\ or a kill of the group would.
        Shell.run(Path.of("."), java.util.List.of("kill", "-9", "--", "-" + pid), 10);
        ProcessHandle.of(pid).ifPresent(daemon -> daemon.onExit().join());
        Await.until("the watcher, in a session of its own, detaches the dead mount", java.time.Duration.ofSeconds(10),
                () -> MountTable.at(mountPoint) == null);
    }

    @Test
    void sigkill_thenRemountBeforeTheWatcherLooks_watcherLeavesTheLiveMount() throws Exception {
        Shell.Run first = mountSelftest();
        ProcessHandle watcher = watcherOf(mountPoint);
        Shell.run(Path.of("."), java.util.List.of("kill", "-STOP", Long.toString(watcher.pid())), 10);
        ProcessHandle daemon = ProcessHandle.of(Cli.daemonPid(first)).orElseThrow();
        daemon.destroyForcibly();
        daemon.onExit().get(10, TimeUnit.SECONDS);
        Shell.Run second = Cli.run("mount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, second.exitCode(), second.stderr());

        Shell.run(Path.of("."), java.util.List.of("kill", "-CONT", Long.toString(watcher.pid())), 10);
        watcher.onExit().get(10, TimeUnit.SECONDS);
        assertEquals("uprocfs selftest 1\n", Files.readString(mountPoint.resolve("selftest/version")),
                "the new daemon's mount still answers");
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
    }

    /** Mounts the selftest module on a new mount point through the CLI and checks that it said yes. */
    private Shell.Run mountSelftest() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());
        return mount;
    }

    /** The unmount watcher a daemon started for a mount point: the shell whose last argument it is. */
    private static ProcessHandle watcherOf(Path mountPoint) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("fusermount -u -z") && line.endsWith(" " + mountPoint))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no unmount watcher for " + mountPoint));
    }

    @Test
    void sigterm_unmountsCleanly() throws Exception {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--no-auto-unmount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());
        ProcessHandle daemon = ProcessHandle.of(Cli.daemonPid(mount)).orElseThrow();
        daemon.destroy();
        daemon.onExit().get(15, TimeUnit.SECONDS);
        assertNull(MountTable.at(mountPoint), "SIGTERM unmounts before the daemon exits");
    }

    @Test
    void mount_onLiveMount_refusesWithExitCode4() throws Exception {
        mountPoint = Cli.newMountPoint();
        assertEquals(0, Cli.run("mount", "--modules", "selftest", mountPoint.toString()).exitCode());
        Shell.Run second = Cli.run("mount", mountPoint.toString());
        assertEquals(4, second.exitCode());
        assertPlainSentence(second, "already mounted");
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
    }

    @Test
    void mount_missingMountPoint_saysOneSentenceWithExitCode2() {
        Shell.Run run = Cli.run("mount", "/nonexistent/uprocfs-mount-point");
        assertEquals(2, run.exitCode());
        assertPlainSentence(run, "does not exist");
    }

    @Test
    void mount_onRegularFile_saysNotADirectory() throws IOException {
        Path file = Files.createTempFile("uprocfs-cli-", ".txt");
        try {
            Shell.Run run = Cli.run("mount", file.toString());
            assertEquals(2, run.exitCode());
            assertPlainSentence(run, "is not a directory");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void mount_unknownModule_saysWhichModulesExist() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run run = Cli.run("mount", "--modules", "nosuchmodule", mountPoint.toString());
        assertEquals(2, run.exitCode());
        assertPlainSentence(run, "no module named nosuchmodule");
        assertNull(MountTable.at(mountPoint));
    }

    @Test
    void mount_badMachineProfile_namesTheFieldAndReason() throws IOException {
        mountPoint = Cli.newMountPoint();
        Path profile = Files.createTempFile("uprocfs-profile-", ".json");
        try {
            String good = new String(getClass().getResourceAsStream("/org/uprocfs/providers/hardware/default-machine.json")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // MemFree above MemTotal: the profile must be refused before anything is mounted.
            Files.writeString(profile, good.replaceFirst("\"freeKb\"\\s*:\\s*\\d+", "\"freeKb\": 99999999999"));
            Shell.Run run = Cli.run("mount", "--machine", profile.toString(), mountPoint.toString());
            assertEquals(2, run.exitCode());
            assertPlainSentence(run, "memory.freeKb");
            assertTrue(run.stderr().contains("above MemTotal"), run.stderr());
            assertNull(MountTable.at(mountPoint));
        } finally {
            Files.deleteIfExists(profile);
        }
    }

    @Test
    void umount_nothingMounted_saysSoWithExitCode2() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run run = Cli.run("umount", mountPoint.toString());
        assertEquals(2, run.exitCode());
        assertPlainSentence(run, "Nothing is mounted");
    }

    @Test
    void mount_byUserWithoutAccessToDevFuse_saysHowToFixIt() throws Exception {
        OtherUser.ensureExists();
        Shell.Run probe = OtherUser.sh(Path.of("/"), "test -r /dev/fuse && test -w /dev/fuse");
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.exitCode() != 0,
                "/dev/fuse is open to every user on this machine, so there is no refusal to check");
        mountPoint = Cli.newMountPoint();
        Shell.run(Path.of("."), java.util.List.of("chown", OtherUser.NAME, mountPoint.toString()), 10);
        String java = ProcessHandle.current().info().command().orElse("java");
        Shell.Run run = OtherUser.sh(Path.of("/"), java + " -jar " + Cli.jar() + " mount " + mountPoint);
        assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
        assertPlainSentence(run, "/dev/fuse is not open to user " + OtherUser.NAME);
    }

    @Test
    void version_printsTheVersion() {
        Shell.Run run = Cli.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.stdout().startsWith("uprocfs "), run.stdout());
    }

    private static void assertPlainSentence(Shell.Run run, String expected) {
        String said = run.stdout() + run.stderr();
        assertTrue(said.contains(expected), said);
        assertFalse(said.contains("Exception") || said.contains("\tat "), "no stack trace: " + said);
        assertEquals(1, run.stderr().lines().filter(l -> !l.isBlank()).count(), "one sentence: " + run.stderr());
    }

    @Test
    void umount_withAPidFileNamingAnotherProcess_neverSignalsIt() throws Exception {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidFile = RuntimeFiles.forMountPoint(mountPoint.toRealPath()).pidFile();
            Files.writeString(pidFile, Long.toString(bystander.pid()));
            Shell.Run umount = Cli.run("umount", mountPoint.toString());
            assertEquals(0, umount.exitCode(), umount.stderr());
            Thread.sleep(300);
            assertTrue(bystander.isAlive(), "a process the pid file names but that is no daemon of this mount lives on");
        } finally {
            bystander.destroyForcibly();
        }
    }
}
