package org.uprocfs.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.assertErrno;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.TestFs;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/**
 * Handlers that never finish, stopped by the handler timeout on the caller's own thread.
 *
 * <pre>
 * /
 * +-- endless    seq whose next() never ends and whose show() prints nothing
 * +-- pager      read_proc that burns time on every page and never sets eof
 * +-- ok         show, one line
 * </pre>
 */
class AbandonedHandlerTest {
    private final ProcFs fs = ProcFs.start(ProcFsConfig.defaults().withHandlerTimeout(Duration.ofMillis(200)),
            new LinkedHashMap<>(Map.of("t", () -> TestFs.module("t", context -> {
                context.create(null, "endless", 0444, ProcHandlers.seq(new SeqOperations<Long>() {
                    @Override
                    public Long start(long position) {
                        return position;
                    }

                    @Override
                    public Long next(Long item, long position) {
                        return position;
                    }

                    @Override
                    public void show(SeqBuffer buffer, Long item) {
                        // Prints nothing: the buffer never grows, so only the interrupt check can stop the walk.
                    }
                }));
                context.create(null, "pager", 0444, ProcHandlers.legacy((page, offset, count) -> {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    page.print("x");
                    // A start token: one record per call, so the loop asks again until the request is full.
                    page.setStartToken(1);
                    return page.length();
                }));
                context.create(null, "ok", 0444, ProcHandlers.show(buffer -> buffer.puts("ok\n")));
            }))));

    @AfterEach
    void shutdown() {
        fs.shutdown();
    }

    @Test
    void read_seqThatNeverEndsAndPrintsNothing_failsWithEioAtTheTimeout() {
        long handle = fs.open("/endless", OpenRequest.O_RDONLY, Caller.ROOT);
        long start = System.nanoTime();

        assertErrno(Errno.EIO, () -> fs.read(handle, 0, 4096, ReadSink.of(new byte[4096])));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 3_000);
    }

    @Test
    void read_legacyHandlerSlowPerPage_isStoppedBetweenPagesWithEio() {
        long handle = fs.open("/pager", OpenRequest.O_RDONLY, Caller.ROOT);

        // 128 KiB of one-byte pages at 5 ms each would take ten minutes; the timeout ends it.
        assertErrno(Errno.EIO, () -> fs.read(handle, 0, 131072, ReadSink.of(new byte[131072])));
    }

    @Test
    void read_afterAnAbandonedCall_sameThreadReadsNormally() {
        long endless = fs.open("/endless", OpenRequest.O_RDONLY, Caller.ROOT);
        assertErrno(Errno.EIO, () -> fs.read(endless, 0, 4096, ReadSink.of(new byte[4096])));
        long ok = fs.open("/ok", OpenRequest.O_RDONLY, Caller.ROOT);
        byte[] buffer = new byte[16];

        int n = fs.read(ok, 0, buffer.length, ReadSink.of(buffer));

        assertEquals(3, n);
        assertArrayEquals("ok\n".getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOf(buffer, n));
    }
}
