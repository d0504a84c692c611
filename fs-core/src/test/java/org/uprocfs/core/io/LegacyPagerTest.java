package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.assertErrno;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.TestFs;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ReadProcPage;
import org.uprocfs.core.api.SeqBuffer;

/** The read_proc loop: the three start modes, count, eof, errors and clamping, as 2.6's proc_file_read. */
class LegacyPagerTest {
    private static final byte[] SMALL = TestFs.lines(3_500);
    private static final byte[] LARGE = TestFs.lines(10_000);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger pagerLogger = (Logger) LoggerFactory.getLogger(LegacyPager.class);

    @BeforeEach
    void captureLog() {
        log.start();
        pagerLogger.addAppender(log);
        pagerLogger.setAdditive(false);
    }

    @AfterEach
    void releaseLog() {
        pagerLogger.detachAppender(log);
        pagerLogger.setAdditive(true);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 3072, 3073, 4096, 131072})
    void read_startUnset_skipsTheOffsetInTheWholeContent(int size) {
        LegacyReadProc whole = (page, offset, count) -> {
            page.write(SMALL, 0, SMALL.length);
            return SMALL.length;
        };

        assertArrayEquals(SMALL, readAll(whole, size));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 100, 3072, 3073, 4096, 131072})
    void read_startToken_advancesByTheTokenAcrossPages(int size) {
        assertArrayEquals(RecordsByToken.expected(300), readAll(new RecordsByToken(300), size));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 3072, 3073, 4096, 131072})
    void read_startInsidePage_copiesFromThereAcrossPages(int size) {
        LegacyReadProc window = (page, offset, count) -> {
            if (offset >= LARGE.length) {
                return 0;
            }
            int n = (int) Math.min(count, LARGE.length - offset);
            page.print("prefix the reader never sees|");
            int start = page.length();
            page.write(LARGE, (int) offset, n);
            page.setStart(start);
            return n;
        };

        assertArrayEquals(LARGE, readAll(window, size));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 3072, 3073, 4096, 131072})
    void read_classicStartAtOffsetInAWholePage_givesTheContent(int size) {
        byte[] content = TestFs.lines(4_000);
        LegacyReadProc classic = (page, offset, count) -> {
            if (offset >= content.length) {
                page.setEof();
                return 0;
            }
            page.write(content, 0, content.length);
            if (content.length <= offset + count) {
                page.setEof();
            }
            page.setStart((int) offset);
            return (int) Math.min(content.length - offset, count);
        };

        assertArrayEquals(content, readAll(classic, size));
    }

    @Test
    void read_largeRequest_asksTheHandlerForAtMost3072BytesAtATime() {
        List<Integer> counts = new ArrayList<>();
        LegacyReadProc recording = (page, offset, count) -> {
            counts.add(count);
            byte[] fill = new byte[count];
            Arrays.fill(fill, (byte) 'a');
            page.write(fill, 0, count);
            page.setStart(0);
            return count;
        };

        LegacyPager.Result result = LegacyPager.read(recording, "/f", Caller.ROOT, 0, 10_000, (at, src, from, n) -> { });

        assertEquals(List.of(3072, 3072, 3072, 784), counts);
        assertEquals(10_000, result.copied());
        assertEquals(10_000, result.position());
    }

    @Test
    void read_smallRequest_asksTheHandlerForExactlyTheWantedBytes() {
        List<Integer> counts = new ArrayList<>();
        LegacyReadProc recording = (page, offset, count) -> {
            counts.add(count);
            return 0;
        };

        LegacyPager.read(recording, "/f", Caller.ROOT, 0, 100, (at, src, from, n) -> { });

        assertEquals(List.of(100), counts);
    }

    @Test
    void read_handlerSetsEof_stopsAfterThatCallsData() {
        List<Long> calls = new ArrayList<>();
        LegacyReadProc once = (page, offset, count) -> {
            calls.add(offset);
            page.print("0123456789");
            page.setStart(0);
            page.setEof();
            return 10;
        };

        LegacyPager.Result result = read(once, 0, 4096, new byte[4096]);

        assertEquals(List.of(0L), calls);
        assertEquals(10, result.copied());
    }

    @Test
    void read_handlerReturnsZero_stopsWithTheBytesSoFar() {
        List<Long> calls = new ArrayList<>();
        LegacyReadProc twice = (page, offset, count) -> {
            calls.add(offset);
            if (offset > 0) {
                return 0;
            }
            page.print("0123456789");
            page.setStart(0);
            return 10;
        };

        LegacyPager.Result result = read(twice, 0, 4096, new byte[4096]);

        assertEquals(List.of(0L, 10L), calls);
        assertEquals(10, result.copied());
    }

    @Test
    void read_handlerFailsOnFirstCall_throwsItsErrno() {
        LegacyReadProc failing = (page, offset, count) -> {
            throw new ProcException(Errno.ENOMEM, "no page");
        };

        assertErrno(Errno.ENOMEM, () -> read(failing, 0, 4096, new byte[4096]));
    }

    @Test
    void read_handlerFailsAfterSomeData_returnsTheDataWithoutError() {
        LegacyReadProc failingLater = (page, offset, count) -> {
            if (offset > 0) {
                throw new ProcException(Errno.ENOMEM, "no page");
            }
            page.print("abc");
            page.setStart(0);
            return 3;
        };
        byte[] buffer = new byte[4096];

        LegacyPager.Result result = read(failingLater, 0, 4096, buffer);

        assertEquals(3, result.copied());
        assertEquals("abc", new String(buffer, 0, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void read_startUnsetResultLargerThanPage_isClampedToThePageAndLogged() {
        byte[] fullPage = new byte[SeqBuffer.PAGE_SIZE];
        Arrays.fill(fullPage, (byte) 'p');
        LegacyReadProc overflowing = (page, offset, count) -> {
            page.write(fullPage, 0, fullPage.length);
            return 5_000;
        };

        assertArrayEquals(fullPage, readAll(overflowing, 131072));
        assertTrue(errorsLogged() > 0, "the overflow is logged");
    }

    @Test
    void read_startInsidePageResultPastPageEnd_isClampedToThePageEndAndLogged() {
        LegacyReadProc overflowing = (page, offset, count) -> {
            page.setStart(4_000);
            page.setEof();
            return 1_000;
        };

        LegacyPager.Result result = read(overflowing, 0, 4096, new byte[4096]);

        assertEquals(96, result.copied());
        assertTrue(errorsLogged() > 0, "the overflow is logged");
    }

    @Test
    void read_startTokenResultLargerThanCount_copiesTheWholeRecordWhenTheRequestHasRoom() {
        byte[] record = TestFs.lines(4_000);
        LegacyReadProc greedy = (page, offset, count) -> {
            if (offset > 0) {
                return 0;
            }
            page.write(record, 0, record.length);
            page.setStartToken(1);
            return record.length;
        };
        byte[] buffer = new byte[131072];

        LegacyPager.Result result = read(greedy, 0, buffer.length, buffer);

        assertEquals(record.length, result.copied());
        assertArrayEquals(record, Arrays.copyOf(buffer, result.copied()));
        assertEquals(1, result.position());
    }

    @Test
    void read_startTokenResultLargerThanTheRequest_neverOverrunsTheCallersBuffer() {
        LegacyReadProc greedy = (page, offset, count) -> {
            page.print("x".repeat(3_000));
            page.setStartToken(1);
            page.setEof();
            return 3_000;
        };

        LegacyPager.Result result = read(greedy, 0, 100, new byte[100]);

        assertEquals(100, result.copied());
    }

    private static LegacyPager.Result read(LegacyReadProc handler, long position, int wanted, byte[] into) {
        return LegacyPager.read(handler, "/f", Caller.ROOT, position, wanted, ReadSink.of(into));
    }

    /** Sequential reads of {@code size} bytes, carrying the handler position as OpenFile does. */
    private static byte[] readAll(LegacyReadProc handler, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long position = 0;
        for (int guard = 0; guard < 1_000_000; guard++) {
            byte[] buffer = new byte[size];
            LegacyPager.Result result = read(handler, position, size, buffer);
            if (result.copied() == 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, result.copied());
            position = result.position();
        }
        throw new AssertionError("the read loop never reached EOF");
    }

    private long errorsLogged() {
        return log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).count();
    }

    /** A read_proc returning whole 40-byte records and advancing by a start token of records shown. */
    static final class RecordsByToken implements LegacyReadProc {
        private final int records;

        RecordsByToken(int records) {
            this.records = records;
        }

        static String record(long index) {
            return String.format(Locale.ROOT, "record %05d of the token test file....\n", index);
        }

        static byte[] expected(int records) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < records; i++) {
                all.append(record(i));
            }
            return all.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read(ReadProcPage page, long offset, int count) {
            long index = offset;
            while (index < records && page.length() + 40 <= count) {
                page.print(record(index++));
            }
            if (index >= records) {
                page.setEof();
            }
            if (index == offset) {
                return 0;
            }
            page.setStartToken((int) (index - offset));
            return page.length();
        }
    }
}
