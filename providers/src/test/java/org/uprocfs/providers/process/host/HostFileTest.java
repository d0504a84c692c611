package org.uprocfs.providers.process.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.RawReadSession;
import org.uprocfs.core.api.WriteRequest;

/** The rules a visitor's files keep when the daemon reads and writes them with its own privileges. */
class HostFileTest {
    private static final HostIdentity VISITOR = new HostIdentity(500, 500, 1, 500, 10,
            new int[] {1000, 1000, 1000, 1000}, new int[] {1000, 1000, 1000, 1000});
    private static final Caller ITSELF = new Caller(1000, 1000, 500);
    private static final Caller SAME_USER = new Caller(1000, 1000, 600);

    @TempDir
    Path dir;

    private String read(String name, Caller caller, boolean guarded) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "content\n");
        RawReadSession session = new HostFile(file, VISITOR, guarded).open(new OpenRequest(caller, OpenRequest.O_RDONLY));
        byte[] buffer = new byte[64];
        int n = session.read(0, buffer, buffer.length);
        return new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void stack_readByItsOwnProcess_failsWithEaccesAsOnlyRootMayReadIt() throws IOException {
        assertErrno(Errno.EACCES, () -> read("stack", ITSELF, true));
        assertEquals("content\n", read("stack", Caller.ROOT, true));
    }

    @Test
    void timerslackNs_readByAnotherProcessOfTheSameUser_failsWithEperm() throws IOException {
        assertErrno(Errno.EPERM, () -> read("timerslack_ns", SAME_USER, false));
        assertEquals("content\n", read("timerslack_ns", ITSELF, false));
        assertEquals("content\n", read("timerslack_ns", Caller.ROOT, false));
    }

    @Test
    void timerslackNs_writtenByAnotherProcess_parsesFirstThenFailsWithEperm() throws IOException {
        Path file = dir.resolve("timerslack_ns");
        Files.writeString(file, "50000\n");
        HostWrite write = new HostWrite(file, VISITOR, "timerslack_ns");
        assertErrno(Errno.EINVAL, () -> write.write(new WriteRequest(" 5".getBytes(), 0, SAME_USER)));
        assertErrno(Errno.EPERM, () -> write.write(new WriteRequest("5".getBytes(), 0, SAME_USER)));
        assertEquals("50000\n", Files.readString(file));
    }
}
