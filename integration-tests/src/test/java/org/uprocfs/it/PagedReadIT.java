package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Page-sized reads with offset and EOF semantics, through read(2), pread(2), RandomAccessFile and dd. */
class PagedReadIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest");

    private static byte[] wholeFile(String name) throws IOException {
        return Files.readAllBytes(MOUNT.path(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4095, 4096, 4097, 131072})
    void sequentialReads_anyRequestSize_giveIdenticalBytes(int chunk) throws IOException {
        String file = chunk == 1 ? "selftest/legacy_unset" : "selftest/big";
        assertArrayEquals(wholeFile(file), Posix.readAll(MOUNT.path(file), chunk));
    }

    @Test
    void bigSeqFile_isOverOneMebibyte_andFourKibReadsEqualOneLargeRead() throws IOException {
        byte[] large = Posix.readAll(MOUNT.path("selftest/big"), 131072);
        assertEquals(20480 * 64, large.length);
        assertArrayEquals(large, Posix.readAll(MOUNT.path("selftest/big"), 4096));
    }

    @Test
    void sequentialRead_ofBigSeqFile_rendersOncePerOpen() throws IOException {
        long before = Long.parseLong(Files.readString(MOUNT.path("selftest/render_count")).trim());
        Posix.readAll(MOUNT.path("selftest/big"), 4096);
        long after = Long.parseLong(Files.readString(MOUNT.path("selftest/render_count")).trim());
        assertEquals(1, after - before, "320 sequential 4 KiB reads must render once");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 4095, 4096, 4097, 1310719})
    void pread_atOffset_returnsThatSlice(long offset) throws IOException {
        byte[] whole = wholeFile("selftest/big");
        int fd = Posix.openOrFail(MOUNT.path("selftest/big"), Posix.O_RDONLY);
        try {
            byte[] buffer = new byte[100];
            Posix.Result result = Posix.pread(fd, buffer, 100, offset);
            int expected = (int) Math.min(100, whole.length - offset);
            assertEquals(expected, result.value());
            assertArrayEquals(Arrays.copyOfRange(whole, (int) offset, (int) offset + expected),
                    Arrays.copyOf(buffer, expected));
        } finally {
            Posix.close(fd);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1310720, 1310721, 10_000_000})
    void read_offsetAtOrPastEnd_returnsNoBytes(long offset) {
        int fd = Posix.openOrFail(MOUNT.path("selftest/big"), Posix.O_RDONLY);
        try {
            assertEquals(0, Posix.pread(fd, new byte[4096], 4096, offset).value());
        } finally {
            Posix.close(fd);
        }
    }

    @Test
    void randomAccessFile_seekThenRead_matchesSlice() throws IOException {
        byte[] whole = wholeFile("selftest/big");
        try (RandomAccessFile file = new RandomAccessFile(MOUNT.path("selftest/big").toFile(), "r")) {
            file.seek(700_001);
            byte[] buffer = new byte[5000];
            file.readFully(buffer);
            assertArrayEquals(Arrays.copyOfRange(whole, 700_001, 705_001), buffer);
        }
    }

    @Test
    void dd_skipBlocks_readsTheRightPage() throws IOException {
        byte[] whole = wholeFile("selftest/big");
        Shell.Run dd = Shell.sh(MOUNT.root(),
                "dd if=selftest/big bs=4096 skip=7 count=2 status=none | sha256sum");
        assertEquals(0, dd.exitCode(), dd.stderr());
        String expected = sha256(Arrays.copyOfRange(whole, 7 * 4096, 9 * 4096));
        assertEquals(expected, dd.stdout().split(" ")[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 3071, 3072, 4096, 131072})
    void legacyStartUnset_anyRequestSize_deliversWholeContent(int chunk) {
        byte[] bytes = Posix.readAll(MOUNT.path("selftest/legacy_unset"), chunk);
        assertEquals(3500, bytes.length);
        assertEquals("unset 0 the quick brown fox jumps\nunset 1 ",
                new String(bytes, 0, 42, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 100, 4096, 5000, 131072})
    void legacyStartToken_readsOfWholeRecords_deliverEveryRecordOnce(int chunk) {
        String text = new String(Posix.readAll(MOUNT.path("selftest/legacy_token"), chunk), StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        assertEquals(1000, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(String.format("record %05d abcdefghijklmnopqr", i), lines[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, 3072, 4096, 4097, 131072})
    void legacyStartInPage_anyRequestSize_givesIdenticalBytes(int chunk) {
        byte[] reference = Posix.readAll(MOUNT.path("selftest/legacy_inpage"), 131072);
        assertEquals(20000, reference.length);
        assertArrayEquals(reference, Posix.readAll(MOUNT.path("selftest/legacy_inpage"), chunk));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lseekFromEnd_isAnsweredByFuseFromSizeZero_whereProcfsSaysEinval() {
        // Documented divergence: FUSE answers SEEK_END itself from st_size 0; procfs' seq_lseek refuses it.
        final int seekEnd = 2;
        int fd = Posix.openOrFail(MOUNT.path("selftest/version"), Posix.O_RDONLY);
        try {
            assertEquals(5, Posix.call(Posix.POSIX.lseek(fd, 5, seekEnd)).value());
        } finally {
            Posix.close(fd);
        }
        int kernel = Posix.openOrFail(Path.of("/proc/version"), Posix.O_RDONLY);
        try {
            assertEquals(jnr.constants.platform.Errno.EINVAL, Posix.call(Posix.POSIX.lseek(kernel, 5, seekEnd)).errno());
        } finally {
            Posix.close(kernel);
        }
    }

    @Test
    void catOfEmptyPath_missing_failsWithEnoent() {
        Path missing = MOUNT.path("selftest/nope");
        assertEquals(jnr.constants.platform.Errno.ENOENT, Posix.open(missing, Posix.O_RDONLY).errno());
    }
}
