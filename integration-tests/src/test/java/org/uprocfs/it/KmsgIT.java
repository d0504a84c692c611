package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.mount.session.MountOptions;
import org.uprocfs.mount.session.MountSession;

/** Readers blocked on kmsg hold no one else up, and are released when the file system unmounts. */
class KmsgIT {

    @Test
    void unmount_releasesBlockedKmsgReader() throws Exception {
        Path directory = Files.createTempDirectory("uprocfs-kmsg-");
        MountSession session = mountKmsg(directory);
        try {
            // One line in the ring, read at once, so the next read has nothing and must block.
            session.fs().kernelLog().append(org.uprocfs.core.api.LogLevel.INFO, "kmsgit: marker");
            int fd = Posix.openOrFail(directory.resolve("kmsg"), Posix.O_RDONLY);
            byte[] buffer = new byte[8192];
            assertTrue(Posix.POSIX.read(fd, buffer, buffer.length) > 0);
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(
                    () -> Posix.POSIX.read(fd, buffer, buffer.length));
            Thread.sleep(300);
            assertFalse(blocked.isDone(), "the reader is blocked waiting for a line");
            CompletableFuture<Void> unmounting = CompletableFuture.runAsync(session::close);
            int result = blocked.get(15, TimeUnit.SECONDS);
            assertTrue(result <= 0, "released without data, was " + result);
            Posix.close(fd);
            unmounting.get(30, TimeUnit.SECONDS);
        } finally {
            session.close();
            Files.deleteIfExists(directory);
        }
    }

    @Test
    void blockedReaders_moreThanTheCoreWorkers_otherReadsStillAnswer() throws Exception {
        Path directory = Files.createTempDirectory("uprocfs-kmsg-");
        MountSession session = mountKmsg(directory);
        int readers = 12;
        int[] fds = new int[readers];
        java.util.List<CompletableFuture<Integer>> blocked = new java.util.ArrayList<>();
        try {
            session.fs().kernelLog().append(org.uprocfs.core.api.LogLevel.INFO, "kmsgit: marker");
            byte[] drain = new byte[8192];
            for (int i = 0; i < readers; i++) {
                fds[i] = Posix.openOrFail(directory.resolve("kmsg"), Posix.O_RDONLY);
                assertTrue(Posix.POSIX.read(fds[i], drain, drain.length) > 0);
            }
            for (int fd : fds) {
                blocked.add(CompletableFuture.supplyAsync(() -> Posix.POSIX.read(fd, new byte[8192], 8192),
                        java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            Thread.sleep(300);
            assertTrue(blocked.stream().noneMatch(CompletableFuture::isDone), "every reader waits for a line");
            // Each blocked read holds one FUSE worker; spares must start for everyone else.
            String modules = CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(directory.resolve("modules"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(10, TimeUnit.SECONDS);
            assertTrue(modules.startsWith("kmsg "), modules);
        } finally {
            // Wake the readers as unmount does, then close their files, so the unmount finds the mount idle.
            session.fs().kernelLog().close();
            for (CompletableFuture<Integer> reader : blocked) {
                assertTrue(reader.get(15, TimeUnit.SECONDS) <= 0, "released without data");
            }
            for (int fd : fds) {
                if (fd > 0) {
                    Posix.close(fd);
                }
            }
            session.close();
            Files.deleteIfExists(directory);
        }
    }

    @Test
    void blockedReaderKilled_exitsAtOnceAndTheDaemonKeepsServing() throws Exception {
        Path directory = Files.createTempDirectory("uprocfs-kmsg-");
        MountSession session = mountKmsg(directory);
        try {
            Process reader = new ProcessBuilder("cat", directory.resolve("kmsg").toString()).start();
            Thread.sleep(500);
            assertTrue(reader.isAlive(), "cat waits for a kernel log line");
            long start = System.nanoTime();
            reader.destroyForcibly();
            // The kernel sends FUSE_INTERRUPT; the read answers EINTR and the killed caller leaves D state.
            assertTrue(reader.waitFor(3, TimeUnit.SECONDS), "the SIGKILLed reader exits without a new line");
            long millis = (System.nanoTime() - start) / 1_000_000;
            Shell.Run timed = Shell.run(Path.of("."), java.util.List.of("timeout", "1", "cat",
                    directory.resolve("kmsg").toString()), 10);
            assertEquals(124, timed.exitCode(), "timeout stops a blocked cat with SIGTERM");
            session.fs().kernelLog().append(org.uprocfs.core.api.LogLevel.INFO, "kmsgit: after");
            int fd = Posix.openOrFail(directory.resolve("kmsg"), Posix.O_RDONLY);
            byte[] buffer = new byte[8192];
            assertTrue(Posix.POSIX.read(fd, buffer, buffer.length) > 0, "the daemon still serves kmsg");
            Posix.close(fd);
            System.out.println("KmsgIT: a SIGKILLed blocked reader exited after " + millis + " ms");
        } finally {
            session.close();
            Files.deleteIfExists(directory);
        }
    }

    private static MountSession mountKmsg(Path directory) {
        FuseRequirement.check();
        return MountSession.mount(ProcFs.start(ProcFsConfig.defaults().withModules(java.util.List.of("kmsg"))),
                directory, MountOptions.defaults(), Duration.ofSeconds(30));
    }
}
