package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A handler that throws becomes EIO for its caller and nothing more. */
class FaultIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest");

    @Test
    void read_handlerThrows_failsWithEioAndNextReadsWork() throws IOException {
        assertEquals(Errno.EIO, Posix.readErrno(MOUNT.path("selftest/faulty")));
        assertEquals("uprocfs selftest 1\n", Files.readString(MOUNT.path("selftest/version")));
        assertEquals(Errno.EIO, Posix.readErrno(MOUNT.path("selftest/faulty")), "still EIO, daemon still alive");
        assertTrue(MOUNT.session().isMounted());
    }

    @Test
    void cat_handlerThrows_reportsIoError() {
        Shell.Run cat = Shell.sh(MOUNT.root(), "cat selftest/faulty");
        assertEquals(1, cat.exitCode());
        assertTrue(cat.stderr().contains("Input/output error"), cat.stderr());
    }
}
