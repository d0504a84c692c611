package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.mount.session.MountTable;

/** {@code --handler-timeout} and {@code --render-cap} of {@code uprocfs mount}, through the real CLI and daemon. */
class HandlerLimitsCliIT {
    private Path mountPoint;

    @AfterEach
    void cleanUp() throws IOException {
        if (mountPoint != null) {
            if (MountTable.at(mountPoint) != null) {
                Cli.run("umount", mountPoint.toString());
            }
            if (MountTable.at(mountPoint) != null) {
                Shell.run(Path.of("."), List.of("fusermount", "-u", "-z", mountPoint.toString()), 10);
            }
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void mount_withHandlerTimeoutAndRenderCap_catOfHangAndHogFailInTime() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--modules", "selftest", "--handler-timeout=1s", "--render-cap=1M",
                mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());

        long start = System.nanoTime();
        Shell.Run hang = Shell.sh(mountPoint, "cat selftest/hang");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Shell.Run hog = Shell.sh(mountPoint, "cat selftest/hog > /dev/null");

        assertTrue(hang.stderr().contains("Input/output error"), hang.stderr());
        assertTrue(elapsed < 4_000, "cat of a hanging handler took " + elapsed + " ms");
        assertTrue(hog.stderr().contains("File too large"), hog.stderr());
        assertEquals("uprocfs selftest 1\n", Files.readString(mountPoint.resolve("selftest/version")));
        assertEquals(0, Cli.run("umount", mountPoint.toString()).exitCode());
    }

    @Test
    void mount_badHandlerTimeout_saysOneSentenceWithExitCode2() throws IOException {
        mountPoint = Cli.newMountPoint();

        Shell.Run run = Cli.run("mount", "--handler-timeout=soon", mountPoint.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--handler-timeout must be a duration"), run.stderr());
        assertEquals(null, MountTable.at(mountPoint));
    }

    @Test
    void mount_renderCapBelowOnePage_saysOneSentenceWithExitCode2() throws IOException {
        mountPoint = Cli.newMountPoint();

        Shell.Run run = Cli.run("mount", "--render-cap=100", mountPoint.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--render-cap must be a size of at least 4096 bytes"), run.stderr());
    }
}
