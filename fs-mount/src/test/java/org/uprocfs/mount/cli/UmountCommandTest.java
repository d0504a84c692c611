package org.uprocfs.mount.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** umount signals only the daemon of the mount point it names. */
class UmountCommandTest {

    @Test
    void isDaemonOf_aProcessThatIsNoUprocfsMount_isFalse() {
        assertFalse(UmountCommand.isDaemonOf(ProcessHandle.current(), Path.of("/tmp/some-mount")));
    }
}
