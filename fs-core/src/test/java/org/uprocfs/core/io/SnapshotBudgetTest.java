package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;

/** Show snapshots are charged to one budget shared by all handles, with a share per uid. */
class SnapshotBudgetTest {
    private static final int FILE = 20_000;
    private final SnapshotBudget budget = new SnapshotBudget(128 * 1024, 64 * 1024);
    private final SeqBufferPool pool = new SeqBufferPool(4, 1L << 20, 16 * SeqBuffer.PAGE_SIZE, budget);
    private final ShowHandler twentyKb = m -> {
        for (int i = 0; i < FILE / 20; i++) {
            m.puts("0123456789abcdefghi\n");
        }
    };

    private SnapshotReader open(int uid) {
        return new SnapshotReader(twentyKb, "/big_show", new Caller(uid, uid, 100 + uid), pool);
    }

    private static int read(SnapshotReader reader) {
        return reader.read(0, 100, ReadSink.of(new byte[100]));
    }

    @Test
    void oneUid_holdsAtMostItsShare_thenGetsEnomem_whileOthersStillRead() {
        List<SnapshotReader> mine = new ArrayList<>();
        // Each snapshot grows to 32 KiB; a 64 KiB share holds two.
        for (int i = 0; i < 2; i++) {
            SnapshotReader reader = open(1000);
            assertEquals(100, read(reader));
            mine.add(reader);
        }
        SnapshotReader third = open(1000);

        ProcException e = assertThrows(ProcException.class, () -> read(third));

        assertEquals(Errno.ENOMEM, e.errno());
        assertTrue(budget.usedBy(1000) <= budget.perUid());
        assertEquals(100, read(open(1001)), "another uid is not starved");
    }

    @Test
    void fullBudget_refusesWithEnomem_andReleaseGivesTheBytesBack() {
        List<SnapshotReader> held = new ArrayList<>();
        for (int uid = 1; uid <= 4; uid++) {
            SnapshotReader reader = open(uid);
            read(reader);
            held.add(reader);
        }
        assertEquals(128 * 1024, budget.used());
        SnapshotReader late = open(99);

        assertEquals(Errno.ENOMEM, assertThrows(ProcException.class, () -> read(late)).errno());
        assertEquals(128 * 1024, budget.used(), "a refused render holds nothing");
        held.forEach(SnapshotReader::recycle);

        assertEquals(0, budget.used());
        assertEquals(100, read(late));
        late.recycle();
        assertEquals(0, budget.used());
    }

    @Test
    void manyRefusals_logOneLinePerCause() {
        List<SnapshotReader> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SnapshotReader reader = open(1000);
            read(reader);
            held.add(reader);
        }
        for (int i = 0; i < 500; i++) {
            SnapshotReader refused = open(1000);
            assertThrows(ProcException.class, () -> read(refused));
            refused.recycle();
        }

        assertEquals(1, budget.linesLogged());
    }

    @Test
    void outOfMemoryInARender_becomesEnomem_andHoldsNothing() {
        SnapshotReader reader = new SnapshotReader(m -> {
            throw new OutOfMemoryError("Java heap space");
        }, "/oom", new Caller(1000, 1000, 1), pool);

        assertEquals(Errno.ENOMEM, assertThrows(ProcException.class, () -> read(reader)).errno());
        assertEquals(0, budget.used());
    }

    @Test
    void snapshotReads_stillServeContinuationsFromTheSnapshot() {
        SnapshotReader reader = open(1000);
        byte[] all = new byte[FILE];
        int n = reader.read(0, 7, ReadSink.of(all));
        while (n < FILE) {
            byte[] piece = new byte[4096];
            int got = reader.read(n, piece.length, ReadSink.of(piece));
            System.arraycopy(piece, 0, all, n, got);
            n += got;
        }
        SeqBuffer expected = SeqBuffer.forRoot();
        twentyKb.show(expected);

        assertArrayEquals(expected.toByteArray(), all);
        assertEquals(1, reader.renderCount());
    }
}
