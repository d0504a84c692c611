package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.ascii;
import static org.uprocfs.core.TestFs.assertErrno;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprocfs.core.TestFs;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/**
 * Paging, re-rendering and writes through one open file.
 *
 * <pre>
 * /
 * +-- big        show, 10 000 bytes of numbered lines (spans three pages)
 * +-- huge       seq, 1.5 MiB of numbered records
 * +-- uptime     show, the clock's uptime in nanoseconds
 * +-- knob       show + write handler recording every write
 * +-- short      write handler taking at most 3 bytes
 * +-- picky      write handler refusing everything with EINVAL
 * +-- plain      show without write handler
 * </pre>
 */
class OpenFileTest {
    private static final byte[] BIG = TestFs.lines(10_000);
    private static final int HUGE_RECORDS = 24_000;

    private final List<String> writes = new ArrayList<>();
    private final TestFs t = TestFs.with(context -> {
        context.create(null, "big", 0444, ProcHandlers.show(buffer -> buffer.write(BIG)));
        context.create(null, "huge", 0444, ProcHandlers.seq(new Counting(HUGE_RECORDS)));
        context.create(null, "uptime", 0444, ProcHandlers.show(buffer ->
                buffer.putLong(context.clock().uptimeNanos()).putc('\n')));
        context.create(null, "knob", 0644, ProcHandlers.show(buffer -> buffer.puts("knob\n"))
                .withWrite(request -> {
                    writes.add(request.text());
                    return request.length();
                }));
        context.create(null, "short", 0644, ProcHandlers.writeOnly(request -> Math.min(3, request.length())));
        context.create(null, "picky", 0644, ProcHandlers.writeOnly(request -> {
            throw new ProcException(Errno.EINVAL, "never");
        }));
        context.create(null, "plain", 0444, ProcHandlers.show(buffer -> buffer.puts("plain\n")));
    });

    @ParameterizedTest
    @ValueSource(ints = {1, 4095, 4096, 4097, 131072})
    void read_sequentialReadsOfAnySize_giveTheWholeContent(int size) {
        assertArrayEquals(BIG, t.readAll("/big", size));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4096, 4097, 9_999})
    void read_atOffset_returnsTheSliceFromThere(int offset) {
        long handle = t.open("/big");

        byte[] got = t.read(handle, offset, 300);

        assertArrayEquals(Arrays.copyOfRange(BIG, offset, Math.min(BIG.length, offset + 300)), got);
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 10_001, 1 << 20})
    void read_offsetAtOrPastEnd_returnsNoBytes(int offset) {
        long handle = t.open("/big");

        assertEquals(0, t.read(handle, offset, 4096).length);
    }

    @Test
    void read_offsetPastEndAfterSequentialRead_returnsNoBytes() {
        long handle = t.open("/big");
        t.readAll(handle, 4096);

        assertEquals(0, t.read(handle, BIG.length + 4096, 4096).length);
    }

    @Test
    void read_hugeSeqFileIn4KiBReads_equalsOneBigRead() {
        byte[] oneRead = t.read(t.open("/huge"), 0, 4 << 20);

        byte[] paged = t.readAll("/huge", 4096);

        assertTrue(oneRead.length >= 1 << 20, "the file is at least 1 MiB, was " + oneRead.length);
        assertArrayEquals(oneRead, paged);
        assertArrayEquals(Counting.expected(HUGE_RECORDS), paged);
    }

    @Test
    void read_sequentially_rendersOncePerOpen() {
        long handle = t.open("/huge");

        t.readAll(handle, 4096);

        assertEquals(1, t.fs().openFile(handle).renderCount());
    }

    @Test
    void read_atOffsetZeroAgain_rendersAgainAndShowsNewContent() {
        long handle = t.open("/uptime");
        String before = new String(t.read(handle, 0, 100), StandardCharsets.UTF_8);
        t.clock().advance(Duration.ofSeconds(7));

        String after = new String(t.read(handle, 0, 100), StandardCharsets.UTF_8);

        assertEquals("100000000000\n", before);
        assertEquals("107000000000\n", after);
        assertEquals(2, t.fs().openFile(handle).renderCount());
    }

    @Test
    void read_continuingWhereTheLastEnded_servesTheSnapshotWithoutRendering() {
        long handle = t.open("/uptime");
        String first = new String(t.read(handle, 0, 4), StandardCharsets.UTF_8);
        t.clock().advance(Duration.ofSeconds(7));

        String rest = new String(t.read(handle, 4, 100), StandardCharsets.UTF_8);

        assertEquals("100000000000\n", first + rest);
        assertEquals(1, t.fs().openFile(handle).renderCount());
    }

    @Test
    void read_atAJump_rendersAgain() {
        long handle = t.open("/uptime");
        t.read(handle, 0, 4);
        t.clock().advance(Duration.ofSeconds(7));

        String jumped = new String(t.read(handle, 2, 100), StandardCharsets.UTF_8);

        assertEquals("7000000000\n", jumped);
        assertEquals(2, t.fs().openFile(handle).renderCount());
    }

    @Test
    void read_seqShowThrows_theRecordsBeforeAreAnsweredThenTheErrorAndStopRunsPerRead() {
        AtomicInteger stops = new AtomicInteger();
        TestFs failing = TestFs.with(context -> context.create(null, "f", 0444,
                ProcHandlers.seq(new Counting(10) {
                    @Override
                    public void show(SeqBuffer buffer, Long item) {
                        if (item == 5) {
                            throw new ProcException(Errno.ENOMEM, "record 5");
                        }
                        super.show(buffer, item);
                    }

                    @Override
                    public void stop(Long lastItem) {
                        stops.incrementAndGet();
                    }
                })));
        long handle = failing.open("/f");

        // seq_read_iter: the bytes copied before a failing record are answered, the next read gets the error.
        byte[] before = failing.read(handle, 0, 4096);
        assertErrno(Errno.ENOMEM, () -> failing.read(handle, before.length, 4096));
        assertArrayEquals(java.util.Arrays.copyOf(Counting.expected(10), before.length), before);
        assertEquals(Counting.expected(5).length, before.length);
        assertEquals(2, stops.get());
    }

    @Test
    void read_recordFailsOnce_nothingOfItIsEmittedAndTheRetryGivesWholeRecords() {
        AtomicBoolean failed = new AtomicBoolean();
        TestFs flaky = TestFs.with(context -> context.create(null, "f", 0444,
                ProcHandlers.seq(new Counting(10) {
                    @Override
                    public void show(SeqBuffer buffer, Long item) {
                        if (item == 3 && failed.compareAndSet(false, true)) {
                            buffer.puts("half a rec");
                            throw new ProcException(Errno.EAGAIN, "busy");
                        }
                        super.show(buffer, item);
                    }
                })));
        long handle = flaky.open("/f");

        byte[] first = flaky.read(handle, 0, 4096);
        byte[] rest = flaky.read(handle, first.length, 4096);

        // The half record never reaches the reader: the first read ends before it, the next shows it whole.
        assertEquals(Counting.expected(3).length, first.length);
        byte[] both = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, both, first.length, rest.length);
        assertArrayEquals(Counting.expected(10), both);
    }

    @Test
    void read_showRenderBeyondTheCap_failsWithEfbig() {
        TestFs capped = TestFs.withModules(java.util.Map.of("t", () -> TestFs.module("t", context ->
                context.create(null, "f", 0444, ProcHandlers.show(buffer -> {
                    for (long i = 0; i < 10_000; i++) {
                        new Counting(10_000).show(buffer, i);
                    }
                })))), 64 * 1024);
        long handle = capped.open("/f");

        assertErrno(Errno.EFBIG, () -> capped.read(handle, 0, 4096));
    }

    @Test
    void read_seqFileLargerThanTheCap_streamsWhole() {
        TestFs capped = TestFs.withModules(java.util.Map.of("t", () -> TestFs.module("t", context ->
                context.create(null, "f", 0444, ProcHandlers.seq(new Counting(10_000))))), 64 * 1024);

        assertArrayEquals(Counting.expected(10_000), capped.readAll("/f", 4096));
    }

    @Test
    void read_fileOpenedWriteOnly_failsWithEbadf() {
        long handle = t.fs().open("/knob", OpenRequest.O_WRONLY, Caller.ROOT);

        assertErrno(Errno.EBADF, () -> t.read(handle, 0, 100));
    }

    @Test
    void write_fileWithoutWriteHandler_failsWithEio() {
        long handle = t.fs().open("/plain", OpenRequest.O_WRONLY, Caller.ROOT);

        assertErrno(Errno.EIO, () -> t.fs().write(handle, 0, ascii("x\n")));
    }

    @Test
    void write_handlerTakesAll_returnsTheCountAndPassesTheBytes() {
        long handle = t.fs().open("/knob", OpenRequest.O_WRONLY, Caller.ROOT);

        assertEquals(6, t.fs().write(handle, 0, ascii("hello\n")));
        assertEquals(List.of("hello\n"), writes);
    }

    @Test
    void write_handlerTakesFewerBytes_returnsTheShortCount() {
        long handle = t.fs().open("/short", OpenRequest.O_WRONLY, Caller.ROOT);

        assertEquals(3, t.fs().write(handle, 0, ascii("abcdef")));
    }

    @Test
    void write_handlerThrows_keepsItsErrno() {
        long handle = t.fs().open("/picky", OpenRequest.O_WRONLY, Caller.ROOT);

        assertErrno(Errno.EINVAL, () -> t.fs().write(handle, 0, ascii("1")));
    }

    @Test
    void write_fileOpenedReadOnly_failsWithEbadf() {
        long handle = t.open("/knob");

        assertErrno(Errno.EBADF, () -> t.fs().write(handle, 0, ascii("1")));
        assertTrue(writes.isEmpty());
    }

    @Test
    void write_afterModuleUnloaded_failsWithEioOnTheOpenHandle() {
        long handle = t.fs().open("/knob", OpenRequest.O_RDWR, Caller.ROOT);
        t.fs().unloadModule("t");

        assertErrno(Errno.EIO, () -> t.fs().write(handle, 0, ascii("1")));
        assertTrue(writes.isEmpty());
    }

    @Test
    void read_afterModuleUnloaded_failsWithEioOnTheOpenHandle() {
        long handle = t.open("/big");
        t.read(handle, 0, 10);
        t.fs().unloadModule("t");

        assertErrno(Errno.EIO, () -> t.read(handle, 10, 100));
    }

    @Test
    void read_legacyTokenFileInFuseSizedReads_continuesAtTheHandlersOwnPosition() {
        TestFs legacy = TestFs.with(context -> context.create(null, "lines", 0444,
                ProcHandlers.legacy(new LegacyPagerTest.RecordsByToken(300))));

        assertArrayEquals(LegacyPagerTest.RecordsByToken.expected(300), legacy.readAll("/lines", 4096));
    }

    /** A seq over the numbers 0..n-1, one 60-byte record each. */
    static class Counting implements SeqOperations<Long> {
        private final long n;

        Counting(long n) {
            this.n = n;
        }

        static byte[] expected(long n) {
            SeqBuffer buffer = SeqBuffer.forRoot();
            Counting counting = new Counting(n);
            for (long i = 0; i < n; i++) {
                counting.show(buffer, i);
            }
            return buffer.toByteArray();
        }

        @Override
        public Long start(long position) {
            return position < n ? position : null;
        }

        @Override
        public Long next(Long item, long position) {
            return position < n ? position : null;
        }

        @Override
        public void show(SeqBuffer buffer, Long item) {
            buffer.printf("record %010d %-40s|\n", item, "x".repeat((int) (item % 40)));
        }
    }
}
