package org.uprocfs.providers.procfsexample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.EntryStat;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.providers.support.ProcFsDriver;

/*
 * procfs_example/        0555
 * |-- bar                0644  bar = 'bar'
 * |-- foo                0644  foo = 'foo'
 * |-- jiffies            0444  jiffies = N
 * `-- jiffies_too -> jiffies
 */
class ProcfsExampleModuleTest {
    private static final String DIR = "/procfs_example";

    private ProcFsDriver proc;

    @BeforeEach
    void start() {
        proc = ProcFsDriver.start("procfs_example", ProcfsExampleModule::new);
    }

    @AfterEach
    void stop() {
        proc.close();
    }

    @Test
    void tree_hasDirectoryFilesAndSymlinkWithTheirModes() {
        assertEquals(List.of("bar", "foo", "jiffies", "jiffies_too"), proc.fs().list(DIR));
        assertEquals(EntryStat.Kind.DIRECTORY, proc.fs().stat(DIR).kind());
        assertEquals(0555, proc.fs().stat(DIR).mode());
        assertEquals(0444, proc.fs().stat(DIR + "/jiffies").mode());
        assertEquals(0644, proc.fs().stat(DIR + "/foo").mode());
        assertEquals(0644, proc.fs().stat(DIR + "/bar").mode());
        assertEquals(EntryStat.Kind.SYMLINK, proc.fs().stat(DIR + "/jiffies_too").kind());
        assertEquals("jiffies", proc.fs().readlink(DIR + "/jiffies_too"));
    }

    @Test
    void fooAndBar_readNameAndInitialValue() {
        assertEquals("foo = 'foo'\n", proc.cat(DIR + "/foo"));
        assertEquals("bar = 'bar'\n", proc.cat(DIR + "/bar"));
    }

    @Test
    void echo_shortValue_isStoredVerbatimWithItsNewline() {
        proc.echo(DIR + "/foo", "hi");

        assertEquals("foo = 'hi\n'\n", proc.cat(DIR + "/foo"));
        assertEquals("bar = 'bar'\n", proc.cat(DIR + "/bar"));
    }

    @Test
    void write_longerThanEightBytes_takesEightAndReportsShortCount() {
        assertEquals(8, proc.writeOnce(DIR + "/bar", "abcdefghijk"));

        assertEquals("bar = 'abcdefgh'\n", proc.cat(DIR + "/bar"));
    }

    @Test
    void echo_longValue_shellRetriesRest_soLastPieceWins() {
        // 17 bytes: "hello-wo" (8), "rld-long" (8), "\n" (1), each replacing the value, as with the guide's module.
        proc.echo(DIR + "/foo", "hello-world-long");

        assertEquals("foo = '\n'\n", proc.cat(DIR + "/foo"));
    }

    @Test
    void write_withNul_showsValueUpToIt() {
        long handle = proc.open(DIR + "/foo", OpenRequest.O_WRONLY);
        proc.fs().write(handle, 0, "ab\0cd".getBytes(StandardCharsets.UTF_8));
        proc.fs().release(handle);

        assertEquals("foo = 'ab'\n", proc.cat(DIR + "/foo"));
    }

    @Test
    void jiffies_readsClockAtHz() {
        // The driver's clock starts one minute after boot: 60 s x 250 Hz.
        assertEquals("jiffies = 15000\n", proc.cat(DIR + "/jiffies"));
    }

    @Test
    void jiffies_growsWhenClockAdvances() {
        String before = proc.cat(DIR + "/jiffies");
        proc.clock().advance(Duration.ofSeconds(2));
        String after = proc.cat(DIR + "/jiffies");

        assertEquals("jiffies = 15000\n", before);
        assertEquals("jiffies = 15500\n", after);
    }

    @Test
    void jiffies_readInSmallPieces_givesWholeLine() {
        assertEquals("jiffies = 15000\n", proc.cat(DIR + "/jiffies", 1));
    }

    @Test
    void jiffies_write_failsWithEio() {
        assertErrno(Errno.EIO, () -> proc.writeOnce(DIR + "/jiffies", "1\n"));
    }

    @Test
    void load_andUnload_printVersionLines() {
        proc.fs().unloadModule("procfs_example");

        assertEquals(List.of("procfs_example: version 1.0 loaded", "procfs_example: version 1.0 removed"),
                proc.kernelLogTexts());
    }

    @Test
    void rmmod_removesWholeTree_andReloadStartsFresh() {
        proc.echo(DIR + "/foo", "x");
        proc.fs().unloadModule("procfs_example");

        assertFalse(proc.fs().list("/").contains("procfs_example"));
        assertErrno(Errno.ENOENT, () -> proc.fs().stat(DIR + "/foo"));

        proc.fs().loadModule("procfs_example");
        assertEquals("foo = 'foo'\n", proc.cat(DIR + "/foo"));
    }
}
