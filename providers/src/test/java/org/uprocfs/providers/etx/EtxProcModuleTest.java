package org.uprocfs.providers.etx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.EntryStat;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.providers.support.ProcFsDriver;

class EtxProcModuleTest {
    private static final String PATH = "/etx_proc";

    private ProcFsDriver proc;

    private ProcFsDriver start(Map<String, String> parameters) {
        proc = ProcFsDriver.start("etx_proc", EtxProcModule::new, parameters);
        return proc;
    }

    @AfterEach
    void stop() {
        if (proc != null) {
            proc.close();
        }
    }

    @Test
    void entry_isWorldWritable0666() {
        start(Map.of());
        EntryStat stat = proc.fs().stat(PATH);
        assertEquals(EntryStat.Kind.FILE, stat.kind());
        assertEquals(0666, stat.mode());
    }

    @Test
    void cat_beforeAnyWrite_showsInitialArray() {
        start(Map.of());
        assertEquals("try_proc_array\n", proc.cat(PATH));
    }

    @Test
    void echo_thenCat_showsExactlyWhatWasWritten() {
        start(Map.of());
        proc.echo(PATH, "device driver proc");

        assertEquals("device driver proc\n", proc.cat(PATH));
    }

    @Test
    void write_returnsFullCount_andReplacesWholeContent() {
        start(Map.of());
        assertEquals(3, proc.writeOnce(PATH, "abc"));

        assertEquals("abc", proc.cat(PATH));
    }

    @Test
    void write_byUnprivilegedUser_isAllowedByMode() {
        start(Map.of());
        Caller user = new Caller(1000, 1000, 42);
        long handle = proc.fs().open(PATH, OpenRequest.O_WRONLY, user);
        proc.fs().write(handle, 0, "from user\n".getBytes(StandardCharsets.UTF_8));
        proc.fs().release(handle);

        assertEquals("from user\n", proc.cat(PATH));
    }

    @Test
    void write_exactlyBufferSize_isAccepted() {
        start(Map.of());
        String twenty = "0123456789abcdefghij";
        assertEquals(20, proc.writeOnce(PATH, twenty));

        assertEquals(twenty, proc.cat(PATH));
    }

    @Test
    void write_largerThanBuffer_failsWithEinvalAndKeepsContent() {
        start(Map.of());
        proc.echo(PATH, "kept");

        assertErrno(Errno.EINVAL, () -> proc.writeOnce(PATH, "0123456789abcdefghijk"));

        assertEquals("kept\n", proc.cat(PATH));
    }

    @Test
    void sizeParameter_widensTheBuffer() {
        start(Map.of("etx_proc.size", "64"));
        String forty = "x".repeat(40);
        proc.echo(PATH, forty);

        assertEquals(forty + "\n", proc.cat(PATH));
        assertErrno(Errno.EINVAL, () -> proc.writeOnce(PATH, "y".repeat(65)));
    }

    @Test
    void sizeParameter_smallerThanInitialArray_cutsIt() {
        start(Map.of("etx_proc.size", "3"));

        assertEquals("try", proc.cat(PATH));
    }

    @Test
    void sizeParameter_notANumber_refusesToLoad() {
        assertErrno(Errno.EINVAL, () -> start(Map.of("etx_proc.size", "lots")));
        assertErrno(Errno.EINVAL, () -> start(Map.of("etx_proc.size", "0")));
    }

    @Test
    void read_honoursOffset_andEndOfFile() {
        start(Map.of());
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals("try_", proc.readAt(handle, 0, 4));
        assertEquals("proc_array\n", proc.readAt(handle, 4, 4096));
        assertEquals("", proc.readAt(handle, 15, 4096));
        assertEquals("array\n", proc.readAt(handle, 9, 4096));
        proc.fs().release(handle);
    }

    @Test
    void read_oneByteAtATime_givesSameBytesAsOneRead() {
        start(Map.of());
        assertEquals(proc.cat(PATH), proc.cat(PATH, 1));
    }

    @Test
    void load_andUnload_printDriverLines() {
        start(Map.of());
        proc.fs().unloadModule("etx_proc");

        List<String> log = proc.kernelLogTexts();
        assertEquals(2, log.size());
        assertTrue(log.get(0).startsWith("etx_proc: device driver inserted"), log.get(0));
        assertEquals("etx_proc: device driver removed", log.get(1));
    }

    @Test
    void rmmod_removesEntry_andReloadStartsFromInitialArray() {
        start(Map.of());
        proc.echo(PATH, "changed");
        proc.fs().unloadModule("etx_proc");
        assertFalse(proc.fs().list("/").contains("etx_proc"));

        proc.fs().loadModule("etx_proc");
        assertEquals("try_proc_array\n", proc.cat(PATH));
    }

    @Test
    void concurrentWritersAndReaders_everyReadIsOneWrittenValue() throws Exception {
        start(Map.of());
        int writers = 4;
        int writes = 1000;
        int readers = 4;
        Set<String> allowed = new HashSet<>();
        allowed.add("try_proc_array\n");
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < writes; i++) {
                allowed.add(value(w, i));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> writerTasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                writerTasks.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < writes; i++) {
                        proc.writeOnce(PATH, value(id, i));
                    }
                    return null;
                }));
            }
            List<Future<?>> readerTasks = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                readerTasks.add(pool.submit(() -> {
                    go.await();
                    while (writing.get()) {
                        // Small reads force continuation reads, which must come from the same snapshot.
                        seen.add(proc.cat(PATH, 3));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : writerTasks) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : readerTasks) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(seen.isEmpty());
        for (String read : seen) {
            assertTrue(allowed.contains(read), "torn read: " + read);
        }
        assertTrue(allowed.contains(proc.cat(PATH)));
    }

    private static String value(int writer, int index) {
        return "w" + writer + "-" + index + "\n";
    }
}
