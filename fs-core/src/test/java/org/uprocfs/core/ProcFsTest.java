package org.uprocfs.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.ascii;
import static org.uprocfs.core.TestFs.assertErrno;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.FileSpec;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/**
 * The facade: stat, listing, open checks, truncate, chmod/chown, refused operations and concurrent use.
 *
 * <pre>
 * /
 * +-- modules
 * +-- net/
 * |   +-- dev              0444 show
 * |   +-- stat/            0555
 * +-- self -> 1/t\u00e9st      symlink (7 bytes of target)
 * +-- mine                 0640 1000:100 show + write
 * +-- sys/                 FIXED_ATTRIBUTES
 * |   +-- knob             0644 STRICT_MODE + FIXED_ATTRIBUTES, write
 * |   +-- ro               0444 STRICT_MODE + FIXED_ATTRIBUTES
 * +-- gen                  show, 2000 lines stamped with the generation
 * +-- genseq               seq, the same lines
 * </pre>
 */
class ProcFsTest {
    private static final Caller USER = new Caller(1000, 100, 7);
    private static final Caller STRANGER = new Caller(1001, 101, 8);
    private static final int LINES = 2000;

    private final AtomicLong generation = new AtomicLong();
    private final TestFs t = TestFs.with(context -> {
        context.create(null, "net/dev", 0444, ProcHandlers.show(buffer -> buffer.puts("dev\n")));
        context.mkdir(null, "net/stat", 0555);
        context.symlink(null, "self", "1/t\u00e9st");
        context.create(null, "mine", new FileSpec(0640, 1000, 100, Set.of(),
                ProcHandlers.show(buffer -> buffer.puts("mine\n")).withWrite(request -> request.length())));
        context.mkdirs(null, "sys", 0555, Set.of(EntryFlag.FIXED_ATTRIBUTES));
        context.create(null, "sys/knob", FileSpec.of(0644, ProcHandlers.show(buffer -> buffer.puts("1\n"))
                .withWrite(request -> request.length()))
                .withFlags(Set.of(EntryFlag.STRICT_MODE, EntryFlag.FIXED_ATTRIBUTES)));
        context.create(null, "sys/ro", FileSpec.of(0444, ProcHandlers.show(buffer -> buffer.puts("0\n")))
                .withFlags(Set.of(EntryFlag.STRICT_MODE, EntryFlag.FIXED_ATTRIBUTES)));
        context.create(null, "gen", 0644, ProcHandlers.show(buffer -> {
            long g = generation.get();
            for (int i = 0; i < LINES; i++) {
                buffer.puts("gen ").putLong(g).puts(" line ").putLong(i).putc('\n');
            }
        }).withWrite(request -> {
            generation.set(Long.parseLong(request.text().trim()));
            return request.length();
        }));
        context.create(null, "genseq", 0444, ProcHandlers.seq(new GenerationLines(generation)));
    });

    @Test
    void stat_file_isRegularWithItsModeOwnerAndCreationTime() {
        EntryStat stat = t.fs().stat("/mine");

        assertEquals(EntryStat.Kind.FILE, stat.kind());
        assertEquals(0640, stat.mode());
        assertEquals(1, stat.linkCount());
        assertEquals(1000, stat.uid());
        assertEquals(100, stat.gid());
        assertEquals(0, stat.size());
        assertEquals(TestFs.BOOT.plusSeconds(100), stat.time());
    }

    @Test
    void stat_directory_has0555AndTwoLinksPlusSubdirectories() {
        EntryStat net = t.fs().stat("/net");
        EntryStat root = t.fs().stat("/");

        assertEquals(EntryStat.Kind.DIRECTORY, net.kind());
        assertEquals(0555, net.mode());
        assertEquals(3, net.linkCount());
        assertEquals(2 + 2, root.linkCount());
    }

    @Test
    void stat_symlink_is0777WithTheTargetLengthInBytesAsSize() {
        EntryStat self = t.fs().stat("/self");

        assertEquals(EntryStat.Kind.SYMLINK, self.kind());
        assertEquals(0777, self.mode());
        assertEquals("1/t\u00e9st".getBytes(StandardCharsets.UTF_8).length, self.size());
    }

    @Test
    void stat_inodes_differBetweenEntries() {
        assertTrue(t.fs().stat("/net").inode() != t.fs().stat("/net/dev").inode());
    }

    @Test
    void stat_missing_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/nope"));
    }

    @Test
    void stat_belowAFile_failsWithEnotdir() {
        assertErrno(Errno.ENOTDIR, () -> t.fs().stat("/net/dev/x"));
    }

    @Test
    void stat_nameLongerThan255Bytes_failsWithEnoentAsProcfsDoes() {
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/" + "x".repeat(256)));
    }

    @Test
    void list_directory_givesChildNamesInOrder() {
        assertEquals(List.of("dev", "stat"), t.fs().list("/net"));
    }

    @Test
    void list_file_failsWithEnotdir() {
        assertErrno(Errno.ENOTDIR, () -> t.fs().list("/net/dev"));
    }

    @Test
    void readlink_file_failsWithEinval() {
        assertErrno(Errno.EINVAL, () -> t.fs().readlink("/net/dev"));
    }

    @Test
    void open_directory_failsWithEisdir() {
        assertErrno(Errno.EISDIR, () -> t.open("/net"));
    }

    @Test
    void open_nonRootForWriteOn0444_failsWithEacces() {
        assertErrno(Errno.EACCES, () -> t.fs().open("/net/dev", OpenRequest.O_WRONLY, USER));
    }

    @Test
    void open_rootForWriteOnA0444StrictFile_failsWithEacces() {
        assertErrno(Errno.EACCES, () -> t.fs().open("/sys/ro", OpenRequest.O_WRONLY, Caller.ROOT));
    }

    @Test
    void open_rootForWriteOnA0644StrictFile_succeeds() {
        long handle = t.fs().open("/sys/knob", OpenRequest.O_RDWR, Caller.ROOT);

        assertEquals(2, t.fs().write(handle, 0, ascii("1\n")));
    }

    @Test
    void open_rootForWriteOnA0444OrdinaryFile_succeedsAndTheWriteFailsWithEio() {
        long handle = t.fs().open("/net/dev", OpenRequest.O_WRONLY, Caller.ROOT);

        assertErrno(Errno.EIO, () -> t.fs().write(handle, 0, ascii("1\n")));
    }

    static Stream<Arguments> truncateCases() {
        return Stream.of(
                Arguments.of("/net/dev", Caller.ROOT),
                Arguments.of("/net/dev", USER),
                Arguments.of("/mine", USER),
                Arguments.of("/mine", STRANGER),
                Arguments.of("/sys/knob", Caller.ROOT),
                Arguments.of("/sys/knob", USER),
                Arguments.of("/sys/ro", Caller.ROOT));
    }

    @ParameterizedTest
    @MethodSource("truncateCases")
    void truncate_succeedsExactlyWhereOpeningForWriteWould(String path, Caller caller) {
        Errno open = errnoOf(() -> t.fs().release(t.fs().open(path, OpenRequest.O_WRONLY, caller)));

        Errno truncate = errnoOf(() -> t.fs().truncate(path, caller));

        assertEquals(open, truncate);
    }

    @Test
    void truncate_directory_failsWithEisdir() {
        assertErrno(Errno.EISDIR, () -> t.fs().truncate("/net", Caller.ROOT));
    }

    @Test
    void chmod_rootOnOrdinaryEntry_persistsInTheEntry() {
        t.fs().chmod("/net/dev", 0600, Caller.ROOT);

        assertEquals(0600, t.fs().stat("/net/dev").mode());
    }

    @Test
    void chmod_nonRootNonOwner_failsWithEperm() {
        assertErrno(Errno.EPERM, () -> t.fs().chmod("/mine", 0666, STRANGER));
        assertEquals(0640, t.fs().stat("/mine").mode());
    }

    @Test
    void chmod_underFixedAttributes_failsWithEpermForRoot() {
        assertErrno(Errno.EPERM, () -> t.fs().chmod("/sys/knob", 0600, Caller.ROOT));
        assertEquals(0644, t.fs().stat("/sys/knob").mode());
    }

    @Test
    void chown_root_persistsAndMinusOneKeepsAField() {
        t.fs().chown("/net/dev", 1000, -1, Caller.ROOT);

        assertEquals(1000, t.fs().stat("/net/dev").uid());
        assertEquals(0, t.fs().stat("/net/dev").gid());
    }

    @Test
    void chown_nonRoot_failsWithEperm() {
        assertErrno(Errno.EPERM, () -> t.fs().chown("/mine", 1000, 100, USER));
    }

    @Test
    void chown_underFixedAttributes_failsWithEpermForRoot() {
        assertErrno(Errno.EPERM, () -> t.fs().chown("/sys", 1000, 100, Caller.ROOT));
    }

    @Test
    void refuseCreate_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> t.fs().refuseCreate("/net/new"));
    }

    @Test
    void refuseRemove_existingEntry_failsWithEperm() {
        assertErrno(Errno.EPERM, () -> t.fs().refuseRemove("/net/dev"));
        assertDoesNotThrow(() -> t.fs().stat("/net/dev"));
    }

    @Test
    void refuseRemove_missingEntry_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> t.fs().refuseRemove("/net/nope"));
    }

    @Test
    void refuseRename_ontoAnExistingEntry_failsWithEperm() {
        assertErrno(Errno.EPERM, () -> t.fs().refuseRename("/net/dev", "/mine"));
    }

    @Test
    void refuseRename_toAMissingName_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> t.fs().refuseRename("/net/dev", "/net/dev2"));
    }

    @Test
    void shutdown_releasesHandlesAndUnloadsModules() {
        t.open("/net/dev");

        t.fs().shutdown();

        assertEquals(0, t.fs().openHandleCount());
        assertEquals(List.of("modules"), t.fs().list("/"));
    }

    @Test
    void concurrentReadersAndWriters_everyReadIsComplete_aShowFileFromOneGeneration() throws Exception {
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong reads = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                String path = r % 2 == 0 ? "/gen" : "/genseq";
                int chunk = new int[] {1000, 4096, 4097, 131072}[r % 4];
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        String text = new String(t.readAll(path, chunk), StandardCharsets.UTF_8);
                        // A show file is one snapshot; a seq file streams, so only each record is whole and in
                        // order, and the generation may change between reads, as with seq_read.
                        String problem = checkGeneration(text, path.equals("/gen"));
                        if (problem != null) {
                            failures.add(path + " in " + chunk + "-byte reads: " + problem);
                        }
                        reads.incrementAndGet();
                    }
                }));
            }
            for (int w = 0; w < 2; w++) {
                running.add(pool.submit(() -> {
                    long value = 0;
                    while (System.nanoTime() < deadline) {
                        long handle = t.fs().open("/gen", OpenRequest.O_WRONLY, Caller.ROOT);
                        byte[] data = ascii(++value + "\n");
                        int n = t.fs().write(handle, 0, data);
                        t.fs().release(handle);
                        if (n != data.length) {
                            failures.add("short write " + n);
                        }
                        writes.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), failures.stream().limit(10).toList(), failures.size() + " problems, first 10 shown");
        assertTrue(reads.get() > 8 && writes.get() > 2, reads + " reads, " + writes + " writes");
        assertEquals(0, t.fs().openHandleCount());
    }

    /** Null if the text is exactly LINES lines of one generation in order, else what is wrong. */
    private static String checkGeneration(String text, boolean oneGeneration) {
        String[] lines = text.split("\n", -1);
        if (lines.length != LINES + 1 || !lines[LINES].isEmpty()) {
            return "expected " + LINES + " whole lines, got " + (lines.length - 1) + " and '" + lines[lines.length - 1] + "'";
        }
        String stamp = lines[0].substring(0, lines[0].indexOf(" line "));
        for (int i = 0; i < LINES; i++) {
            String lineStamp = lines[i].startsWith("gen ") && lines[i].endsWith(" line " + i)
                    ? lines[i].substring(0, lines[i].indexOf(" line ")) : null;
            if (lineStamp == null || oneGeneration && !lineStamp.equals(stamp)) {
                return "line " + i + " is '" + lines[i] + "' after '" + stamp + "'";
            }
        }
        return null;
    }

    private static Errno errnoOf(Executable code) {
        try {
            code.execute();
            return null;
        } catch (ProcException e) {
            return e.errno();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** The generation lines as a seq: start captures the generation, so one render is one generation. */
    private record GenerationLines(AtomicLong generation) implements SeqOperations<long[]> {
        @Override
        public long[] start(long position) {
            return position < LINES ? new long[] {generation.get(), position} : null;
        }

        @Override
        public long[] next(long[] item, long position) {
            return position < LINES ? new long[] {item[0], position} : null;
        }

        @Override
        public void show(SeqBuffer buffer, long[] item) {
            buffer.puts("gen ").putLong(item[0]).puts(" line ").putLong(item[1]).putc('\n');
        }
    }
}
