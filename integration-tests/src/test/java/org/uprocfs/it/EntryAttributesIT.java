package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What stat, ls -l and readlink show on the mount. */
class EntryAttributesIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest");

    @Test
    void lsLong_listsModesSizeZeroAndRootOwner() {
        Shell.Run ls = Shell.sh(MOUNT.root(), "ls -l selftest");
        assertEquals(0, ls.exitCode(), ls.stderr());
        Map<String, String> expectedModes = Map.of("version", "-r--r--r--", "scratch", "-rw-rw-rw-",
                "big", "-r--r--r--", "link", "lrwxrwxrwx");
        for (Map.Entry<String, String> expected : expectedModes.entrySet()) {
            // ls -l: mode links owner group size month day time NAME [-> target]
            String line = ls.stdout().lines().filter(l -> l.split("\\s+").length > 8
                    && l.split("\\s+")[8].equals(expected.getKey())).findFirst().orElseThrow();
            String[] fields = line.split("\\s+");
            assertEquals(expected.getValue(), fields[0], line);
            assertEquals("root", fields[2], line);
            assertEquals("root", fields[3], line);
            if (!expected.getKey().equals("link")) {
                assertEquals("0", fields[4], line);
            }
        }
    }

    @Test
    void stat_directory_isReadOnlyWithTwoPlusSubdirectoryLinks() throws IOException {
        PosixFileAttributes root = Files.readAttributes(MOUNT.root(), PosixFileAttributes.class);
        assertEquals("r-xr-xr-x", PosixFilePermissions.toString(root.permissions()));
        assertEquals(3, ((Number) Files.getAttribute(MOUNT.root(), "unix:nlink")).intValue(),
                "root holds one subdirectory (selftest)");
        assertEquals(2, ((Number) Files.getAttribute(MOUNT.path("selftest"), "unix:nlink")).intValue());
    }

    @Test
    void stat_file_reportsBlockSize1024AndOneLink() {
        Shell.Run stat = Shell.sh(MOUNT.root(), "stat -c '%s %B %o %h %u %g' selftest/version");
        assertEquals("0 512 1024 1 0 0", stat.stdout().trim(), stat.stderr());
    }

    @Test
    void lstat_symlink_sizeIsTargetLength() throws IOException {
        Path link = MOUNT.path("selftest/link");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("version".length(), Files.readAttributes(link, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).size());
    }

    @Test
    void readlink_symlink_returnsTarget() throws IOException {
        assertEquals(Path.of("version"), Files.readSymbolicLink(MOUNT.path("selftest/link")));
        assertEquals("version\n", Shell.sh(MOUNT.root(), "readlink selftest/link").stdout());
    }

    @Test
    void cat_throughSymlink_readsTarget() {
        assertEquals("uprocfs selftest 1\n", Shell.sh(MOUNT.root(), "cat selftest/link").stdout());
    }
}
