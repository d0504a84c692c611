package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.uprocfs.core.TestFs.assertErrno;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;
import org.uprocfs.core.api.ShowHandler;

/** Rendering show and seq handlers: the start/next/show/stop protocol and its failure paths. */
class SeqRendererTest {
    private final List<String> calls = new ArrayList<>();

    @Test
    void render_show_printsTheWholeContent() {
        ShowHandler show = buffer -> buffer.puts("one\n").puts("two\n");

        assertEquals("one\ntwo\n", SeqRenderer.render(show, Caller.ROOT, 1 << 20).toString());
    }

    @Test
    void render_seq_callsStartNextShowAndStopInOrder() {
        SeqBuffer buffer = SeqRenderer.render(new Recording(2, -1, false), Caller.ROOT, 1 << 20);

        assertEquals("0\n1\n", buffer.toString());
        assertEquals(List.of("start 0", "show 0", "next 0 1", "show 1", "next 1 2", "stop null"), calls);
    }

    @Test
    void render_emptySeq_stillCallsStop() {
        SeqRenderer.render(new Recording(0, -1, false), Caller.ROOT, 1 << 20);

        assertEquals(List.of("start 0", "stop null"), calls);
    }

    @Test
    void render_showThrows_callsStopWithTheFailingItemAndRethrows() {
        assertErrno(Errno.EIO, () -> SeqRenderer.render(new Recording(5, 2, false), Caller.ROOT, 1 << 20));

        assertEquals("stop 2", calls.get(calls.size() - 1));
        assertEquals(1, calls.stream().filter(call -> call.startsWith("stop")).count());
    }

    @Test
    void render_startThrows_stillCallsStop() {
        assertErrno(Errno.ENOMEM, () -> SeqRenderer.render(new Recording(5, -1, true), Caller.ROOT, 1 << 20));

        assertEquals(List.of("start 0", "stop null"), calls);
    }

    @Test
    void render_recordBeyondTheCap_failsWithEfbigAndCallsStop() {
        SeqOperations<Long> wide = new Recording(3, -1, false) {
            @Override
            public void show(SeqBuffer buffer, Long item) {
                buffer.write(new byte[6000]);
            }
        };

        assertErrno(Errno.EFBIG, () -> SeqRenderer.render(wide, Caller.ROOT, 16_384));
        assertEquals("stop 2", calls.get(calls.size() - 1));
    }

    @Test
    void render_legacyHandler_isRefused() {
        LegacyReadProc legacy = (page, offset, count) -> 0;

        assertThrows(IllegalArgumentException.class, () -> SeqRenderer.render(legacy, Caller.ROOT, 4096));
    }

    /** A seq over 0..n-1 that records each call and can fail in show or start. */
    private class Recording implements SeqOperations<Long> {
        private final long n;
        private final long failAt;
        private final boolean failStart;

        Recording(long n, long failAt, boolean failStart) {
            this.n = n;
            this.failAt = failAt;
            this.failStart = failStart;
        }

        @Override
        public Long start(long position) {
            calls.add("start " + position);
            if (failStart) {
                throw new ProcException(Errno.ENOMEM, "start");
            }
            return position < n ? position : null;
        }

        @Override
        public Long next(Long item, long position) {
            calls.add("next " + item + " " + position);
            return position < n ? position : null;
        }

        @Override
        public void show(SeqBuffer buffer, Long item) {
            calls.add("show " + item);
            if (item == failAt) {
                buffer.puts("half");
                throw new ProcException(Errno.EIO, "show " + item);
            }
            buffer.putLong(item).putc('\n');
        }

        @Override
        public void stop(Long lastItem) {
            calls.add("stop " + lastItem);
        }
    }
}
