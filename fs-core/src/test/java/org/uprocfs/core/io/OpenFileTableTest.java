package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.assertErrno;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.RawReadSession;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcFile;

/** The handle table: numbering, unknown handles, release and closing sessions of removed entries. */
class OpenFileTableTest {
    private final ProcDirectory root = ProcDirectory.newRoot(Instant.EPOCH);
    private final OpenFileTable table = new OpenFileTable(1 << 20, new HandlerWatchdog(java.time.Duration.ZERO));
    private final ProcFile hello = root.addFile("hello", "t", new EntryAttributes(0444, 0, 0), Set.of(),
            Instant.EPOCH, ProcHandlers.show(buffer -> buffer.puts("hello\n")));

    @Test
    void open_twice_givesDistinctHandles() {
        long first = table.open(hello, new OpenRequest(Caller.ROOT, OpenRequest.O_RDONLY));
        long second = table.open(hello, new OpenRequest(Caller.ROOT, OpenRequest.O_RDONLY));

        assertNotEquals(first, second);
        assertEquals(2, table.size());
    }

    @Test
    void read_unknownHandle_failsWithEbadf() {
        assertErrno(Errno.EBADF, () -> table.read(99, 0, 10, (at, src, from, n) -> { }));
    }

    @Test
    void release_handle_makesItUnknown() {
        long handle = table.open(hello, new OpenRequest(Caller.ROOT, OpenRequest.O_RDONLY));

        table.release(handle);

        assertEquals(0, table.size());
        assertErrno(Errno.EBADF, () -> table.get(handle));
    }

    @Test
    void release_unknownHandle_isIgnored() {
        table.release(12345);

        assertEquals(0, table.size());
    }

    @Test
    void entryRemoved_wakesABlockedRawReaderWithEio() throws InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        ProcFile waiting = root.addFile("kmsg", "t", new EntryAttributes(0444, 0, 0), Set.of(), Instant.EPOCH,
                ProcHandlers.raw(request -> new RawReadSession() {
                    @Override
                    public int read(long offset, byte[] dst, int count) {
                        reading.countDown();
                        try {
                            closed.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 0;
                    }

                    @Override
                    public void close() {
                        closed.countDown();
                    }
                }));
        long handle = table.open(waiting, new OpenRequest(Caller.ROOT, OpenRequest.O_RDONLY));
        AtomicBoolean eio = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                table.read(handle, 0, 100, (at, src, from, n) -> { });
            } catch (ProcException e) {
                eio.set(e.errno() == Errno.EIO);
            }
        });
        reader.start();
        assertTrue(reading.await(5, TimeUnit.SECONDS));

        table.entryRemoved(waiting);
        reader.join(5_000);

        assertTrue(eio.get(), "the blocked reader got EIO");
    }

    @Test
    void closeAll_releasesEveryHandle() {
        table.open(hello, new OpenRequest(Caller.ROOT, OpenRequest.O_RDONLY));
        table.open(hello, new OpenRequest(Caller.ROOT, OpenRequest.O_RDONLY));

        table.closeAll();

        assertEquals(0, table.size());
    }
}
