package org.uprocfs.providers.kmsg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.io.ReadSink;
import org.uprocfs.providers.support.ProcFsDriver;

class KmsgModuleTest {
    private static final String PATH = "/kmsg";
    /** How long a blocked reader may take to notice a new line or a close. */
    private static final long PROMPT_MILLIS = 2000;

    private ProcFsDriver proc;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        proc = ProcFsDriver.start("kmsg", KmsgModule::new);
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        proc.close();
    }

    private void printk(LogLevel level, String text) {
        proc.fs().kernelLog().append(level, text);
    }

    @Test
    void entry_isRootOnly0400() {
        assertEquals(0400, proc.fs().stat(PATH).mode());
        assertErrno(Errno.EACCES, () -> proc.fs().open(PATH, OpenRequest.O_RDONLY, new Caller(1000, 1000, 5)));
    }

    @Test
    void read_returnsLinesWithLevelPrefix() {
        printk(LogLevel.INFO, "fortune: Module loaded.");
        printk(LogLevel.ERR, "disk on fire");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals("<6>fortune: Module loaded.\n<3>disk on fire\n", proc.readAt(handle, 0, 4096));
        proc.fs().release(handle);
    }

    @Test
    void eachOpen_startsAtOldestLineStillInRing() {
        printk(LogLevel.INFO, "one");
        printk(LogLevel.INFO, "two");
        long first = proc.open(PATH, OpenRequest.O_RDONLY);
        assertEquals("<6>one\n<6>two\n", proc.readAt(first, 0, 4096));
        long second = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals("<6>one\n<6>two\n", proc.readAt(second, 0, 4096));
        proc.fs().release(first);
        proc.fs().release(second);
    }

    @Test
    void open_afterRingOverflow_startsAtOldestKeptLine() {
        ManualClock clock = new ManualClock(Instant.EPOCH, Duration.ZERO);
        ProcFs small = ProcFs.start(new ProcFsConfig(clock, new SplittableRandom(1), Map.of(), List.of("kmsg"),
                ProcFsConfig.DEFAULT_RENDER_CAP, 2), Map.of("kmsg", KmsgModule::new));
        try {
            small.kernelLog().append(LogLevel.INFO, "dropped");
            small.kernelLog().append(LogLevel.INFO, "kept 1");
            small.kernelLog().append(LogLevel.INFO, "kept 2");
            long handle = small.open(PATH, OpenRequest.O_RDONLY, Caller.ROOT);
            byte[] buffer = new byte[4096];

            int n = small.read(handle, 0, buffer.length, ReadSink.of(buffer));

            assertEquals("<6>kept 1\n<6>kept 2\n", new String(buffer, 0, n, StandardCharsets.UTF_8));
        } finally {
            small.shutdown();
        }
    }

    @Test
    void read_neverSplitsALine_whenCountHoldsIt() {
        printk(LogLevel.INFO, "aaaa");
        printk(LogLevel.INFO, "bbbb");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals("<6>aaaa\n", proc.readAt(handle, 0, 12));
        assertEquals("<6>bbbb\n", proc.readAt(handle, 8, 12));
        proc.fs().release(handle);
    }

    @Test
    void read_lineLongerThanCount_comesInPieces() {
        printk(LogLevel.INFO, "abcdefgh");
        printk(LogLevel.INFO, "next");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals("<6>ab", proc.readAt(handle, 0, 5));
        assertEquals("cdefg", proc.readAt(handle, 5, 5));
        assertEquals("h\n", proc.readAt(handle, 10, 5));
        assertEquals("<6>next\n", proc.readAt(handle, 12, 4096));
        proc.fs().release(handle);
    }

    @Test
    void read_nothingUnread_withNonBlock_failsWithEagain() {
        printk(LogLevel.INFO, "only line");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY | OpenRequest.O_NONBLOCK);
        assertEquals("<6>only line\n", proc.readAt(handle, 0, 4096));

        assertErrno(Errno.EAGAIN, () -> proc.readAt(handle, 13, 4096));
        proc.fs().release(handle);
    }

    @Test
    void read_emptyLog_withNonBlock_failsWithEagain() {
        long handle = proc.open(PATH, 04000);

        assertErrno(Errno.EAGAIN, () -> proc.readAt(handle, 0, 4096));
        proc.fs().release(handle);
    }

    @Test
    void blockedReader_wakesOnNewPrintk() throws Exception {
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);
        Future<String> read = pool.submit(() -> proc.readAt(handle, 0, 4096));
        Thread.sleep(100);
        assertFalse(read.isDone(), "a read with nothing unread must wait");

        printk(LogLevel.WARNING, "late line");

        assertEquals("<4>late line\n", read.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        proc.fs().release(handle);
    }

    @Test
    void release_releasesBlockedReaderWithEio() throws Exception {
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);
        Future<String> read = pool.submit(() -> proc.readAt(handle, 0, 4096));
        Thread.sleep(100);

        proc.fs().release(handle);

        assertFailsWithEio(read);
    }

    @Test
    void rmmod_releasesBlockedReaderWithEio() throws Exception {
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);
        Future<String> read = pool.submit(() -> proc.readAt(handle, 0, 4096));
        Thread.sleep(100);

        proc.fs().unloadModule("kmsg");

        assertFailsWithEio(read);
        assertFalse(proc.fs().list("/").contains("kmsg"));
        proc.fs().release(handle);
    }

    @Test
    void closedLog_releasesBlockedReaderWithEio() throws Exception {
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);
        Future<String> read = pool.submit(() -> proc.readAt(handle, 0, 4096));
        Thread.sleep(100);

        proc.fs().kernelLog().close();

        assertFailsWithEio(read);
        proc.fs().release(handle);
    }

    @Test
    void reload_afterRmmod_servesLogAgain() {
        printk(LogLevel.INFO, "survives rmmod");
        proc.fs().unloadModule("kmsg");
        proc.fs().loadModule("kmsg");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals("<6>survives rmmod\n", proc.readAt(handle, 0, 4096));
        proc.fs().release(handle);
    }

    private static void assertFailsWithEio(Future<String> read) throws InterruptedException {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> read.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        ProcException cause = assertInstanceOf(ProcException.class, failure.getCause());
        assertEquals(Errno.EIO, cause.errno());
    }
}
