package org.uprocfs.providers.howto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.EntryStat;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.providers.support.ProcFsDriver;

/*
 * test/        0555
 * `-- buffer   0644  what was last written
 */
class HowtoModuleTest {
    private static final String FILE = "/test/buffer";

    private ProcFsDriver proc;

    @BeforeEach
    void start() {
        proc = ProcFsDriver.start("howto", HowtoModule::new);
    }

    @AfterEach
    void stop() {
        proc.close();
    }

    @Test
    void tree_hasDirectoryWithOneReadWriteFile() {
        assertEquals(List.of("buffer"), proc.fs().list("/test"));
        assertEquals(EntryStat.Kind.DIRECTORY, proc.fs().stat("/test").kind());
        assertEquals(0555, proc.fs().stat("/test").mode());
        assertEquals(0644, proc.fs().stat(FILE).mode());
    }

    @Test
    void cat_beforeAnyWrite_isEmpty() {
        assertEquals("", proc.cat(FILE));
    }

    @Test
    void echo_thenCat_readsBackWhatWasWritten() {
        proc.echo(FILE, "hello kernel");

        assertEquals("hello kernel\n", proc.cat(FILE));
    }

    @Test
    void write_replacesPreviousContent() {
        proc.echo(FILE, "a longer first value");
        proc.echo(FILE, "short");

        assertEquals("short\n", proc.cat(FILE));
    }

    @Test
    void write_longerThanAPage_takesAPageLessOne() {
        String big = "z".repeat(5000);

        assertEquals(PageBufferFile.CAPACITY, proc.writeOnce(FILE, big));
        assertEquals(big.substring(0, PageBufferFile.CAPACITY), proc.cat(FILE));
    }

    @Test
    void read_contentLargerThanOneReadProcBlock_comesWhole() {
        String big = "q".repeat(4000);
        proc.writeOnce(FILE, big);

        assertEquals(big, proc.cat(FILE));
        assertEquals(big, proc.cat(FILE, 7));
    }

    @Test
    void open_forWriteByUser_isRefusedByMode() {
        assertErrno(Errno.EACCES, () -> proc.fs().open(FILE, OpenRequest.O_WRONLY, new Caller(1000, 1000, 7)));
    }

    @Test
    void load_andUnload_printLines() {
        proc.fs().unloadModule("howto");

        assertEquals(List.of("howto: /test/buffer created", "howto: /test/buffer removed"), proc.kernelLogTexts());
    }

    @Test
    void rmmod_removesDirectory_andReloadStartsEmpty() {
        proc.echo(FILE, "gone after rmmod");
        proc.fs().unloadModule("howto");
        assertFalse(proc.fs().list("/").contains("test"));

        proc.fs().loadModule("howto");
        assertEquals("", proc.cat(FILE));
    }
}
