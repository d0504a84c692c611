package org.uprocfs.providers.fortune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.EntryStat;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.providers.support.ProcFsDriver;

class FortuneModuleTest {
    private static final String PATH = "/fortune";
    private static final String WATSON = "Success is an individual proposition.  Thomas Watson";
    private static final String PATTON = "If a man does his best, what else is there?  Gen. Patton";
    private static final String ZERO_WING = "Cats: All your base are belong to us.  Zero Wing";

    private ProcFsDriver proc;

    @BeforeEach
    void start() {
        proc = ProcFsDriver.start("fortune", FortuneModule::new);
    }

    @AfterEach
    void stop() {
        proc.close();
    }

    @Test
    void entry_isRootOwnedFile0644() {
        EntryStat stat = proc.fs().stat(PATH);
        assertEquals(EntryStat.Kind.FILE, stat.kind());
        assertEquals(0644, stat.mode());
        assertEquals(0, stat.uid());
    }

    @Test
    void threeEchoes_thenTwoCats_showFirstAndSecondCookie() {
        proc.echo(PATH, WATSON);
        proc.echo(PATH, PATTON);
        proc.echo(PATH, ZERO_WING);

        assertEquals(WATSON + "\n", proc.cat(PATH));
        assertEquals(PATTON + "\n", proc.cat(PATH));
    }

    @Test
    void readAtOffsetZero_onOneHandle_givesSuccessiveCookies() {
        proc.echo(PATH, WATSON);
        proc.echo(PATH, PATTON);
        proc.echo(PATH, ZERO_WING);
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        assertEquals(WATSON + "\n", proc.readAt(handle, 0, 4096));
        assertEquals(PATTON + "\n", proc.readAt(handle, 0, 4096));
        proc.fs().release(handle);
    }

    @Test
    void cat_afterLastCookie_wrapsToFirst() {
        proc.echo(PATH, "one");
        proc.echo(PATH, "two");

        assertEquals("one\n", proc.cat(PATH));
        assertEquals("two\n", proc.cat(PATH));
        assertEquals("one\n", proc.cat(PATH));
        assertEquals("two\n", proc.cat(PATH));
    }

    @Test
    void cat_emptyPot_printsOnlyNewline() {
        assertEquals("\n", proc.cat(PATH));
        assertEquals("\n", proc.cat(PATH));
    }

    @Test
    void readAtReturnedLength_returnsNothing_soCatShowsOneCookie() {
        proc.echo(PATH, "one");
        proc.echo(PATH, "two");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);

        String first = proc.readAt(handle, 0, 4096);
        String after = proc.readAt(handle, first.length(), 4096);

        assertEquals("one\n", first);
        assertEquals("", after);
        proc.fs().release(handle);
        assertEquals("two\n", proc.cat(PATH));
    }

    @Test
    void write_returnsFullCount_andLastByteBecomesTerminator() {
        assertEquals(4, proc.writeOnce(PATH, "abcX"));

        assertEquals("abc\n", proc.cat(PATH));
    }

    @Test
    void write_withInnerNewline_isOneCookie() {
        proc.echo(PATH, "line one\nline two");

        assertEquals("line one\nline two\n", proc.cat(PATH));
        assertEquals("line one\nline two\n", proc.cat(PATH));
    }

    @Test
    void write_exactlyTheRoomLeft_isAccepted() {
        String half = "h".repeat(FortuneModule.POT_SIZE / 2 - 1);
        proc.echo(PATH, half);
        assertEquals(FortuneModule.POT_SIZE / 2, proc.writeOnce(PATH, half + "\n"));

        assertEquals(half + "\n", proc.cat(PATH));
        assertEquals(half + "\n", proc.cat(PATH));
    }

    @Test
    void write_beyondPotSpace_failsWithEnospcAndKeepsPot() {
        String first = "f".repeat(2047);
        String second = "s".repeat(2039);
        proc.echo(PATH, first);
        proc.echo(PATH, second);
        long handle = proc.open(PATH, OpenRequest.O_WRONLY);

        assertErrno(Errno.ENOSPC,
                () -> proc.fs().write(handle, 0, "does not fit\n".getBytes(StandardCharsets.UTF_8)));
        proc.fs().release(handle);

        assertTrue(proc.kernelLogTexts().contains("fortune: cookie pot is full!"));
        assertEquals(first + "\n", proc.cat(PATH));
        assertEquals(second + "\n", proc.cat(PATH));
        assertEquals(first + "\n", proc.cat(PATH));
    }

    @Test
    void read_cookieLongerThanOneReadProcBlock_isCutAtTheBlock_as26Did() {
        // proc_file_read asks read_proc for at most PAGE_SIZE - 1024 bytes and the cookie is gone after it.
        String big = "b".repeat(3500);
        proc.echo(PATH, big);

        assertEquals(big.substring(0, 3072), proc.cat(PATH));
    }

    @Test
    void load_andUnload_printModuleLines() {
        proc.fs().unloadModule("fortune");

        List<String> log = proc.kernelLogTexts();
        assertEquals(List.of("fortune: Module loaded.", "fortune: Module unloaded."), log);
    }

    @Test
    void rmmod_removesEntry_andReloadStartsWithEmptyPot() {
        proc.echo(PATH, "before rmmod");
        proc.fs().unloadModule("fortune");

        assertFalse(proc.fs().list("/").contains("fortune"));
        assertErrno(Errno.ENOENT, () -> proc.fs().stat(PATH));

        proc.fs().loadModule("fortune");
        assertEquals("\n", proc.cat(PATH));
    }

    @Test
    void rmmod_whileOpen_failsLaterReadsWithEio() {
        proc.echo(PATH, "cookie");
        long handle = proc.open(PATH, OpenRequest.O_RDONLY);
        proc.fs().unloadModule("fortune");

        assertErrno(Errno.EIO, () -> proc.readAt(handle, 0, 4096));
        proc.fs().release(handle);
    }

    @Test
    void concurrentWriters_eachCookieStoredWhole() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        proc.echo(PATH, "cookie-" + id + "-" + i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < threads * perThread; i++) {
            seen.add(proc.cat(PATH));
        }
        assertEquals(threads * perThread, seen.size());
        for (String cookie : seen) {
            assertTrue(cookie.matches("cookie-\\d-\\d+\n"), cookie);
        }
    }
}
