package org.uprocfs.it;

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

/** A reader blocked on kmsg is released when the file system unmounts. */
class KmsgIT {

    @Test
    void unmount_releasesBlockedKmsgReader() throws Exception {
        FuseRequirement.check();
        Path directory = Files.createTempDirectory("uprocfs-kmsg-");
        MountSession session = MountSession.mount(ProcFs.start(ProcFsConfig.defaults().withModules(
                java.util.List.of("kmsg"))), directory, MountOptions.defaults(), Duration.ofSeconds(30));
        try {
            // One line in the ring, read at once, so the next read has nothing and must block.
            session.fs().kernelLog().append(org.uprocfs.core.LogLevel.INFO, "kmsgit: marker");
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
}
