package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** insmod, rmmod and lsmod against a running daemon, /proc/modules, and the kernel log. */
class ModuleLifecycleIT {
    private static Path mountPoint;

    @BeforeAll
    static void mount() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run run = Cli.run("mount", "--modules", "fortune,etx_proc,kmsg", mountPoint.toString());
        assertEquals(0, run.exitCode(), run.stderr());
    }

    @AfterAll
    static void unmount() throws IOException {
        Cli.run("umount", mountPoint.toString());
        Files.deleteIfExists(mountPoint);
    }

    private static Shell.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--mount";
        all[args.length + 1] = mountPoint.toString();
        return Cli.run(all);
    }

    @Test
    void rmmodThenInsmod_removesEntriesAndStartsFresh() throws IOException {
        Posix.writeOnce(mountPoint.resolve("etx_proc"), "changed\n");
        assertEquals(0, cli("rmmod", "etx_proc").exitCode());
        assertFalse(Files.exists(mountPoint.resolve("etx_proc")));
        assertEquals(0, cli("insmod", "etx_proc").exitCode());
        assertEquals("try_proc_array\n", Files.readString(mountPoint.resolve("etx_proc")));
    }

    @Test
    void rmmod_withHandleOpen_laterReadsAndWritesFailWithEio() {
        int fd = Posix.openOrFail(mountPoint.resolve("fortune"), Posix.O_RDWR);
        try {
            assertEquals(0, cli("rmmod", "fortune").exitCode());
            assertEquals(Errno.EIO, Posix.pread(fd, new byte[100], 100, 0).errno());
            assertEquals(Errno.EIO, Posix.write(fd, "x\n".getBytes(StandardCharsets.UTF_8)).errno());
        } finally {
            Posix.close(fd);
            assertEquals(0, cli("insmod", "fortune").exitCode());
        }
    }

    @Test
    void lsmodAndProcModules_agree() throws IOException {
        Shell.Run lsmod = cli("lsmod");
        assertEquals(0, lsmod.exitCode(), lsmod.stderr());
        List<String> fromLsmod = lsmod.stdout().lines().skip(1).map(l -> l.split("\\s+")[0]).sorted().toList();
        List<String> fromFile = Files.readAllLines(mountPoint.resolve("modules")).stream()
                .map(l -> l.split(" ")[0]).sorted().toList();
        assertEquals(List.of("etx_proc", "fortune", "kmsg"), fromFile);
        assertEquals(fromFile, fromLsmod);
        for (String line : Files.readAllLines(mountPoint.resolve("modules"))) {
            assertTrue(line.matches("[a-z_]+ \\d+ 0 - Live 0x0{16}"), line);
        }
    }

    @Test
    void insmodAndRmmod_mistakes_sayOnePlainSentence() {
        Shell.Run unknown = cli("insmod", "nosuchmodule");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("uprocfs: There is no module named nosuchmodule"), unknown.stderr());
        Shell.Run loaded = cli("insmod", "kmsg");
        assertEquals(1, loaded.exitCode());
        assertEquals("uprocfs: Module kmsg is already loaded.\n", loaded.stderr());
        Shell.Run notLoaded = cli("rmmod", "procfs_example");
        assertEquals(1, notLoaded.exitCode());
        assertEquals("uprocfs: Module procfs_example is not loaded.\n", notLoaded.stderr());
    }

    @Test
    void kmsg_showsLoadLines_andBlockedReaderWakesOnNewLine() throws Exception {
        int fd = Posix.openOrFail(mountPoint.resolve("kmsg"), Posix.O_RDONLY);
        try {
            StringBuilder seen = new StringBuilder();
            byte[] buffer = new byte[8192];
            // Drain what is there without blocking forever: a nonblocking fd answers EAGAIN when empty.
            int nonBlocking = Posix.openOrFail(mountPoint.resolve("kmsg"), Posix.O_RDONLY | Posix.O_NONBLOCK);
            Posix.Result r;
            while (!(r = Posix.call(Posix.POSIX.read(nonBlocking, buffer, buffer.length))).failed() && r.value() > 0) {
                seen.append(new String(buffer, 0, (int) r.value(), StandardCharsets.UTF_8));
            }
            assertEquals(Errno.EAGAIN, r.errno());
            Posix.close(nonBlocking);
            assertTrue(seen.toString().contains("<6>fortune: Module loaded.\n"), seen.toString());
            // Consume the backlog on the blocking fd, then block on the next line.
            int backlog = seen.toString().getBytes(StandardCharsets.UTF_8).length;
            int consumed = 0;
            while (consumed < backlog) {
                consumed += Posix.POSIX.read(fd, buffer, buffer.length);
            }
            CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> {
                byte[] line = new byte[4096];
                int n = Posix.POSIX.read(fd, line, line.length);
                return n < 0 ? "errno " + Posix.POSIX.errno() : new String(line, 0, n, StandardCharsets.UTF_8);
            });
            Thread.sleep(300);
            assertFalse(blocked.isDone(), "with no unread line the read blocks");
            assertEquals(0, cli("rmmod", "etx_proc").exitCode());
            String woke = blocked.get(10, TimeUnit.SECONDS);
            assertTrue(woke.startsWith("<6>etx_proc: "), woke);
        } finally {
            Posix.close(fd);
            if (!Files.exists(mountPoint.resolve("etx_proc"))) {
                cli("insmod", "etx_proc");
            }
        }
    }

    @Test
    void lsmodFromKmod_inPrivateNamespace_listsLoadedModules() throws IOException {
        Path sysModule = Files.createTempDirectory("uprocfs-sysmodule-");
        for (String line : Files.readAllLines(mountPoint.resolve("modules"))) {
            // libkmod asks sysfs for state and holders; give it the same facts /proc/modules states.
            String[] fields = line.split(" ");
            Path module = Files.createDirectories(sysModule.resolve(fields[0]).resolve("holders"));
            Files.writeString(module.getParent().resolve("refcnt"), fields[2] + "\n");
            Files.writeString(module.getParent().resolve("initstate"), "live\n");
            Files.writeString(module.getParent().resolve("coresize"), fields[1] + "\n");
        }
        Shell.Run lsmod = Shell.sh(Path.of("."), "unshare -m sh -c 'mount --bind " + mountPoint
                + " /proc && mount --bind " + sysModule + " /sys/module && lsmod'");
        assertEquals(0, lsmod.exitCode(), lsmod.stderr());
        assertTrue(lsmod.stdout().startsWith("Module"), lsmod.stdout());
        assertTrue(lsmod.stdout().lines().anyMatch(l -> l.matches("fortune\\s+16384\\s+0")), lsmod.stdout());
    }
}
