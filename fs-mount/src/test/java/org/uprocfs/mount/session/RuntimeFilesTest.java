package org.uprocfs.mount.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime directory is trusted only when the user owns it and nobody else can write it. */
class RuntimeFilesTest {
    @TempDir
    Path base;

    @Test
    void checkTrusted_privateDirectoryOfTheUser_passes() throws IOException {
        RuntimeFiles files = new RuntimeFiles(base.resolve("mnt-1")).create();
        assertEquals(files, files.checkTrusted());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory())));
    }

    @Test
    void checkTrusted_directoryOthersCanWrite_isRefusedInOneSentence() throws IOException {
        Path planted = Files.createDirectory(base.resolve("mnt-2"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        MountProblem problem = assertThrows(MountProblem.class, () -> new RuntimeFiles(planted).checkTrusted());
        assertTrue(problem.getMessage().contains("can be written by others"), problem.getMessage());
        assertEquals(Preflight.EXIT_ENVIRONMENT, problem.exitCode());
    }

    @Test
    void checkTrusted_directoryOfAnotherUser_isRefused() throws IOException {
        Path planted = Files.createDirectory(base.resolve("mnt-3"));
        UserPrincipal nobody = planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(planted, nobody);
        MountProblem problem = assertThrows(MountProblem.class, () -> new RuntimeFiles(planted).create());
        assertTrue(problem.getMessage().contains("belongs to nobody"), problem.getMessage());
    }

    @Test
    void checkTrusted_symbolicLink_isRefused() throws IOException {
        Path elsewhere = Files.createDirectory(base.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(base.resolve("mnt-4"), elsewhere);
        assertThrows(MountProblem.class, () -> new RuntimeFiles(link).checkTrusted());
    }
}
