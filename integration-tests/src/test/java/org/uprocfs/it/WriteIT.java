package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writes and the namespace operations procfs refuses, with the errnos this kernel's /proc gives. */
class WriteIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest");

    @Test
    void echo_intoWritableEntry_reachesHandlerOnceWithNewline() throws IOException {
        int before = Files.readAllLines(MOUNT.path("selftest/write_log")).size();
        Shell.Run echo = Shell.sh(MOUNT.root(), "echo x > selftest/scratch");
        assertEquals(0, echo.exitCode(), echo.stderr());
        var log = Files.readAllLines(MOUNT.path("selftest/write_log"));
        assertEquals(before + 1, log.size(), "exactly one write call");
        assertEquals("0 2 780a", log.get(log.size() - 1), "offset 0, two bytes: 'x' and newline");
        assertEquals("x\n", Files.readString(MOUNT.path("selftest/scratch")));
    }

    @Test
    void write_of120KiB_arrivesAsOneCall() throws IOException {
        // 120 KiB from an unaligned buffer spans 31 pages, within the kernel's 32-page FUSE request;
        // an unaligned 128 KiB buffer spans 33 and the kernel itself splits it (see README).
        int before = Files.readAllLines(MOUNT.path("selftest/write_log")).size();
        byte[] data = new byte[122880];
        java.util.Arrays.fill(data, (byte) 'a');
        assertEquals(122880, Posix.writeOnce(MOUNT.path("selftest/scratch"), data).value());
        var log = Files.readAllLines(MOUNT.path("selftest/write_log"));
        assertEquals(before + 1, log.size(), "big_writes keeps one write(2) one call");
        assertTrue(log.get(log.size() - 1).startsWith("0 122880 "), log.get(log.size() - 1));
    }

    @Test
    void echo_intoReadOnlyEntryAsRoot_failsWithEio() {
        Shell.Run echo = Shell.sh(MOUNT.root(), "echo x > selftest/version");
        assertNotEquals(0, echo.exitCode());
        assertTrue(echo.stderr().contains("I/O error") || echo.stderr().contains("Input/output error"), echo.stderr());
        assertEquals(Errno.EIO, Posix.writeOnce(MOUNT.path("selftest/version"), "x\n").errno());
    }

    @Test
    void open_missingPath_failsWithEnoent() {
        assertEquals(Errno.ENOENT, Posix.open(MOUNT.path("selftest/missing"), Posix.O_RDONLY).errno());
        assertEquals(Errno.ENOENT, Posix.open(MOUNT.path("missing/deeper"), Posix.O_RDONLY).errno());
    }

    @Test
    void mkdir_insideMount_failsWithEnoent() {
        assertEquals(Errno.ENOENT, Posix.call(Posix.POSIX.mkdir(MOUNT.path("newdir").toString(), 0755)).errno());
    }

    @Test
    void unlink_existingEntry_failsWithEperm() {
        assertEquals(Errno.EPERM, Posix.call(Posix.POSIX.unlink(MOUNT.path("selftest/version").toString())).errno());
        assertEquals(Errno.EPERM, Posix.call(Posix.POSIX.rmdir(MOUNT.path("selftest").toString())).errno());
    }

    @Test
    void rename_toNewName_failsWithEnoent_andOntoExisting_failsWithEperm() {
        assertEquals(Errno.ENOENT, Posix.call(Posix.POSIX.rename(MOUNT.path("selftest/version").toString(),
                MOUNT.path("selftest/v2").toString())).errno());
        assertEquals(Errno.EPERM, Posix.call(Posix.POSIX.rename(MOUNT.path("selftest/version").toString(),
                MOUNT.path("selftest/big").toString())).errno());
    }

    @Test
    void create_newFile_failsWithEnoent() {
        assertEquals(Errno.ENOENT, Posix.open(MOUNT.path("selftest/newfile"), Posix.O_WRONLY | Posix.O_CREAT).errno());
        Shell.Run touch = Shell.sh(MOUNT.root(), "touch newfile");
        assertTrue(touch.stderr().contains("No such file or directory"), touch.stderr());
    }

    @Test
    void symlinkAndHardLink_insideMount_failWithEnoent() {
        assertEquals(Errno.ENOENT, Posix.call(Posix.POSIX.symlink("version",
                MOUNT.path("selftest/newlink").toString())).errno());
        assertEquals(Errno.ENOENT, Posix.call(Posix.POSIX.link(MOUNT.path("selftest/version").toString(),
                MOUNT.path("selftest/hard").toString())).errno());
    }

    @Test
    void touch_existingEntryAsRoot_succeeds() {
        Shell.Run touch = Shell.sh(MOUNT.root(), "touch selftest/version");
        assertEquals(0, touch.exitCode(), touch.stderr());
    }

    @Test
    void truncate_whereWriteOpenIsAllowed_succeeds() {
        assertEquals(0, Posix.call(Posix.POSIX.truncate(MOUNT.path("selftest/scratch").toString(), 0)).value());
        assertEquals(0, Posix.call(Posix.POSIX.truncate(MOUNT.path("selftest/version").toString(), 0)).value(),
                "root may open a 0444 procfs file for writing, so truncate succeeds too");
    }

    @Test
    void chmod_asRoot_persistsInEntry() throws IOException {
        assertEquals(0, Posix.POSIX.chmod(MOUNT.path("selftest/write_log").toString(), 0400));
        assertEquals("r--------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(MOUNT.path("selftest/write_log"))));
        assertEquals(0, Posix.POSIX.chmod(MOUNT.path("selftest/write_log").toString(), 0444));
    }
}
