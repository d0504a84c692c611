package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.mount.session.MountTable;

/**
 * The README's launcher script, {@code ./uprocfs mount}, which starts the daemon's JVM itself instead of a
 * CLI JVM that starts it: one daemon, in a session of its own, that lets go of the caller's stdout and
 * stderr, and mistakes that read exactly as the jar's CLI says them.
 */
class LauncherIT {
    private static final int PIPE_EOF_SECONDS = 10;
    private final List<Path> mountPoints = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (Path mountPoint : mountPoints) {
            if (MountTable.at(mountPoint) != null) {
                Shell.run(Path.of("."), List.of("fusermount", "-u", "-z", mountPoint.toString()), 10);
            }
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void mount_viaLauncher_isOneDetachedDaemonThatLetsGoOfTheCallersPipes() throws Exception {
        Path mountPoint = newMountPoint();
        Shell.Run mount = launcher("mount", "--modules", "selftest", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());
        assertEquals("", mount.stderr());
        String answer = mount.stdout();
        long pid = Cli.daemonPid(mount);
        Path log = Path.of(answer.substring(answer.indexOf(", log ") + ", log ".length(), answer.length() - 2));
        assertEquals("uprocfs: mounted on " + mountPoint.toRealPath() + " (daemon pid " + pid + ", log " + log
                + ")\n", answer);
        assertEquals("uprocfs selftest 1\n", Files.readString(mountPoint.resolve("selftest/version")));

        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(fds.resolve("1")), "stdout");
        assertEquals(log, Files.readSymbolicLink(fds.resolve("2")), "stderr");
        String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        assertTrue(cmdline.contains(" mount --detach "), "the daemon is the JVM the launcher started: " + cmdline);
        assertEquals(pid, sessionOf(pid), "the daemon leads a session of its own");
        assertTrue(Files.readString(log).contains("MountSession - mounted uprocfs on " + mountPoint.toRealPath()),
                "the daemon logs to the file it names");

        Shell.Run umount = launcher("umount", mountPoint.toString());
        assertEquals(0, umount.exitCode(), umount.stderr());
        assertNull(MountTable.at(mountPoint), "no mount left");
        Await.until("the daemon exits after umount", Duration.ofSeconds(10),
                () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(log.getParent()), "a clean unmount leaves no runtime directory: " + log.getParent());
    }

    @Test
    void mount_viaLauncher_mistakesSayWhatTheJarCliSaysWithItsExitCode() throws Exception {
        Path busy = newMountPoint();
        assertEquals(0, launcher("mount", "--modules", "selftest", busy.toString()).exitCode());
        Path free = newMountPoint();
        Path file = Files.createTempFile("uprocfs-launcher-", ".txt");
        Path full = newMountPoint();
        Files.writeString(full.resolve("occupant"), "x");
        try {
            List<List<String>> mistakes = List.of(
                    List.of("mount", "--modules", ",", free.toString()),
                    List.of("mount", "--state=", free.toString()),
                    List.of("mount", "--param", "nosuch.key=1", free.toString()),
                    List.of("mount", "--param", "size=1", free.toString()),
                    List.of("mount", "--clock-rate", "Infinity", free.toString()),
                    List.of("mount", full.toString()),
                    List.of("mount", "/proc/driver"),
                    List.of("mount", "/nonexistent/uprocfs-launcher"),
                    List.of("mount", file.toString()),
                    List.of("mount", busy.toString()),
                    List.of("mount", "--bogus", free.toString()),
                    List.of("mount", "-o", "nosuchoption", free.toString()),
                    List.of("mount", "--modules", "nosuchmodule", free.toString()),
                    List.of("mount", "--clock", "sideways", free.toString()));
            for (List<String> args : mistakes) {
                Shell.Run fromLauncher = launcher(args.toArray(String[]::new));
                Shell.Run fromJar = Cli.run(args.toArray(String[]::new));
                assertTrue(fromLauncher.exitCode() >= 2, args + ": " + fromLauncher);
                assertEquals(fromJar.exitCode(), fromLauncher.exitCode(), args.toString());
                assertEquals(fromJar.stderr(), fromLauncher.stderr(), args.toString());
                assertEquals("", fromLauncher.stdout(), args.toString());
                assertNull(MountTable.at(free), args + " left no mount");
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(full.resolve("occupant"));
            launcher("umount", busy.toString());
        }
    }

    @Test
    void mount_renderCapAboveAQuarterOfTheDaemonsHeap_isRefusedInOneSentence() throws Exception {
        Path free = newMountPoint();
        Shell.Run run = launcher("mount", "--render-cap", "10G", free.toString());
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().startsWith("uprocfs: --render-cap 10G is more than half of the daemon's "),
                run.stderr());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertNull(MountTable.at(free));
    }

    @Test
    void racingMounts_ofOneMountPoint_oneWinsAndItsControlChannelSurvives() throws Exception {
        Path mountPoint = newMountPoint();
        java.util.concurrent.CompletableFuture<Shell.Run> first = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> launcher("mount", "--modules", "selftest", mountPoint.toString()));
        java.util.concurrent.CompletableFuture<Shell.Run> second = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> launcher("mount", "--modules", "selftest", mountPoint.toString()));
        List<Shell.Run> runs = List.of(first.get(60, java.util.concurrent.TimeUnit.SECONDS),
                second.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, runs.stream().filter(r -> r.exitCode() == 0).count(), runs.toString());
        Shell.Run loser = runs.stream().filter(r -> r.exitCode() != 0).findFirst().orElseThrow();
        assertEquals(4, loser.exitCode(), loser.toString());
        Shell.Run lsmod = launcher("lsmod", "--mount", mountPoint.toString());
        assertEquals(0, lsmod.exitCode(), lsmod.stderr());
        assertTrue(lsmod.stdout().contains("selftest"), lsmod.stdout());
        assertEquals(0, launcher("umount", mountPoint.toString()).exitCode());
    }

    @Test
    void mountThroughASymlinkedParent_unmountsByTheSameName() throws Exception {
        Path real = Files.createTempDirectory("uprocfs-real-");
        Path link = Files.createSymbolicLink(real.resolveSibling(real.getFileName() + "-link"), real);
        Path mountPoint = Files.createDirectory(real.resolve("mnt"));
        try {
            Path byLink = link.resolve("mnt");
            assertEquals(0, launcher("mount", "--modules", "selftest", byLink.toString()).exitCode());
            assertEquals("uprocfs selftest 1\n", Files.readString(byLink.resolve("selftest/version")));
            Shell.Run lsmod = launcher("lsmod", "--mount", byLink.toString());
            assertEquals(0, lsmod.exitCode(), lsmod.stderr());
            Shell.Run umount = launcher("umount", byLink.toString());
            assertEquals(0, umount.exitCode(), umount.stderr());
            assertNull(MountTable.at(mountPoint));
        } finally {
            Files.deleteIfExists(mountPoint);
            Files.deleteIfExists(link);
            Files.deleteIfExists(real);
        }
    }

    @Test
    void mountHelp_viaLauncher_isAnsweredByTheCliNotADaemon() {
        Shell.Run help = launcher("mount", "--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().startsWith("Usage: uprocfs mount"), help.stdout());
    }

    private Path newMountPoint() throws IOException {
        Path mountPoint = Cli.newMountPoint();
        mountPoints.add(mountPoint);
        return mountPoint;
    }

    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, pgrp, session.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    /**
     * Runs the launcher and reads its stdout and stderr to their end, which comes only once every process
     * holding them (the daemon included) has let go: a daemon that kept them would fail here, not hang.
     */
    private static Shell.Run launcher(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", launcherScript().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher hung: " + command);
            }
            return new Shell.Run(process.exitValue(),
                    new String(out.get(PIPE_EOF_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    new String(err.get(PIPE_EOF_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            throw new AssertionError("the launcher exited but its stdout or stderr stayed open: " + command);
        } catch (IOException | ExecutionException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static byte[] drain(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static Path launcherScript() {
        Path script = Path.of(System.getProperty("uprocfs.launcher", "../uprocfs"));
        assertTrue(Files.isRegularFile(script), "the launcher script is missing: " + script);
        return script;
    }
}
