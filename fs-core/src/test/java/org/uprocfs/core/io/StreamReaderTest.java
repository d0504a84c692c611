package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/** Seq files stream through one page per handle, as seq_read_iter reads them. */
class StreamReaderTest {
    private final SnapshotBudget budget = new SnapshotBudget(64L << 20, 32L << 20);
    private final SeqBufferPool pool = new SeqBufferPool(4, 64L << 20, 16 * SeqBuffer.PAGE_SIZE, budget);

    /** Records of varying length (1..199 bytes), some longer than a page; counts starts and stops. */
    static class Records implements SeqOperations<Long> {
        final long count;
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger restarts = new AtomicInteger();

        Records(long count) {
            this.count = count;
        }

        @Override
        public Long start(long position) {
            starts.incrementAndGet();
            if (position == 0) {
                restarts.incrementAndGet();
            }
            return position < count ? position : null;
        }

        @Override
        public Long next(Long item, long position) {
            return position < count ? position : null;
        }

        @Override
        public void show(SeqBuffer m, Long item) {
            int length = item % 97 == 13 ? 6000 : (int) (item * 31 % 199);
            m.putLong(item).putc(':');
            for (int i = 0; i < length; i++) {
                m.putc((char) ('a' + (item + i) % 26));
            }
            m.putc('\n');
        }

        @Override
        public void stop(Long lastItem) {
            stops.incrementAndGet();
        }

        byte[] expected() {
            SeqBuffer all = SeqBuffer.forRoot();
            for (long i = 0; i < count; i++) {
                show(all, i);
            }
            return all.toByteArray();
        }
    }

    private StreamReader open(SeqOperations<?> ops) {
        return new StreamReader(ops, "/t", new Caller(1000, 1000, 42), pool);
    }

    private static byte[] readAll(StreamReader reader, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        long offset = 0;
        while (true) {
            int n = reader.read(offset, chunk, ReadSink.of(buffer));
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, n);
            offset += n;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 4095, 4096, 4097, 65536, 131072})
    void sequentialReads_anySize_giveTheSameBytesAsOneBigRead(int chunk) {
        Records records = new Records(3000);

        assertArrayEquals(records.expected(), readAll(open(records), chunk));
        assertEquals(records.starts.get(), records.stops.get(), "stop runs once per start");
        assertEquals(1, records.restarts.get(), "a sequential read starts from 0 once");
    }

    @Test
    void eachRead_startsWhereTheLastStopped_notFromZero() {
        Records records = new Records(3000);
        StreamReader reader = open(records);

        readAll(reader, 4096);

        assertTrue(records.starts.get() > 10, "one start per read, was " + records.starts.get());
        assertEquals(1, reader.renderCount());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 13, 4095, 4096, 4097, 100_000, 250_000})
    void pread_atAnyOffset_walksToItAndReturnsThatSlice(long offset) {
        Records records = new Records(3000);
        byte[] whole = records.expected();
        StreamReader reader = open(records);
        reader.read(0, 10, ReadSink.of(new byte[10]));

        byte[] got = new byte[5000];
        int n = reader.read(offset, got.length, ReadSink.of(got));

        int expected = (int) Math.max(0, Math.min(got.length, whole.length - offset));
        assertEquals(expected, n);
        assertArrayEquals(Arrays.copyOfRange(whole, (int) offset, (int) offset + expected), Arrays.copyOf(got, n));
        assertEquals(2, reader.renderCount(), "a jump starts again from 0");
        assertEquals(records.starts.get(), records.stops.get());
    }

    @Test
    void readAtOrPastTheEnd_returnsNothing() {
        Records records = new Records(10);
        int length = records.expected().length;
        StreamReader reader = open(records);

        assertEquals(0, reader.read(length, 100, ReadSink.of(new byte[100])));
        assertEquals(0, reader.read(length + 5000, 100, ReadSink.of(new byte[100])));
        assertEquals(records.starts.get(), records.stops.get());
    }

    @Test
    void aRecordThatDoesNotFitBehindOthers_waitsForTheNextBuffer_andOnlyItGrowsTheBuffer() {
        Records records = new Records(200);
        StreamReader reader = open(records);
        byte[] reply = new byte[131072];
        int n = reader.read(0, reply.length, ReadSink.of(reply));

        assertArrayEquals(Arrays.copyOf(records.expected(), n), Arrays.copyOf(reply, n));
        // Record 13 is 6000 bytes: the buffer grew to hold it alone, to 8 KiB, never to the file's size.
        assertTrue(budget.used() <= 2 * SeqBuffer.PAGE_SIZE, "held " + budget.used());
    }

    @Test
    void showFails_theRecordsBeforeAreAnswered_theNextReadGetsTheError_stopAlwaysRuns() {
        Records failing = new Records(100) {
            @Override
            public void show(SeqBuffer m, Long item) {
                if (item == 50) {
                    m.puts("half");
                    throw new ProcException(Errno.EAGAIN, "busy");
                }
                super.show(m, item);
            }
        };
        StreamReader reader = open(failing);
        byte[] reply = new byte[131072];

        int n = reader.read(0, reply.length, ReadSink.of(reply));
        ProcException e = assertThrows(ProcException.class, () -> reader.read(n, 4096, ReadSink.of(new byte[4096])));

        assertEquals(Errno.EAGAIN, e.errno());
        SeqBuffer firstFifty = SeqBuffer.forRoot();
        for (long i = 0; i < 50; i++) {
            failing.show(firstFifty, i);
        }
        assertArrayEquals(firstFifty.toByteArray(), Arrays.copyOf(reply, n));
        assertEquals(failing.starts.get(), failing.stops.get());
    }

    @Test
    void interruptedBetweenRecords_stopsWithEio() {
        Records endless = new Records(Long.MAX_VALUE) {
            @Override
            public void show(SeqBuffer m, Long item) {
                // Prints nothing: only the interrupt check between records can end it.
            }
        };
        StreamReader reader = open(endless);
        Thread.currentThread().interrupt();
        try {
            ProcException e = assertThrows(ProcException.class, () -> reader.read(0, 4096, ReadSink.of(new byte[4096])));
            assertEquals(Errno.EIO, e.errno());
        } finally {
            Thread.interrupted();
        }
        assertEquals(endless.starts.get(), endless.stops.get());
    }

    @Test
    void fiftyMegabyteSeqFile_aHandleHoldsOnePageWhileReadingIt() {
        // 64-byte records, 50 MB in all: the handle never holds more than its page.
        long count = 50_000_000 / 64;
        SeqOperations<Long> big = new SeqOperations<>() {
            @Override
            public Long start(long position) {
                return position < count ? position : null;
            }

            @Override
            public Long next(Long item, long position) {
                return position < count ? position : null;
            }

            @Override
            public void show(SeqBuffer m, Long item) {
                m.putLongPadded(item, 20).puts(" abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy\n");
            }
        };
        StreamReader reader = open(big);
        byte[] reply = new byte[131072];
        long offset = 0;
        long maxHeld = 0;
        while (true) {
            int n = reader.read(offset, reply.length, ReadSink.of(reply));
            if (n == 0) {
                break;
            }
            if (offset == 0) {
                assertEquals("                   0 abcdefghij", new String(reply, 0, 31));
            }
            offset += n;
            maxHeld = Math.max(maxHeld, budget.used());
        }

        assertEquals(count * 73, offset);
        assertEquals(SeqBuffer.PAGE_SIZE, maxHeld);
        reader.recycle();
        assertEquals(0, budget.used(), "release gives the page back");
    }
}
