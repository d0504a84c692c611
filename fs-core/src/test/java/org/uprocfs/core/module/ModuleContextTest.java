package org.uprocfs.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.uprocfs.core.TestFs.assertErrno;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uprocfs.core.EntryStat;
import org.uprocfs.core.TestFs;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.entry.ProcDirectory;

/** What a module does through its context: creating along paths, name checks, removal and printk. */
class ModuleContextTest {
    private static final ProcHandlers EMPTY = ProcHandlers.show(buffer -> { });

    private final AtomicReference<ProcContext> context = new AtomicReference<>();
    private final TestFs t = TestFs.with(context::set);

    @Test
    void shared_factoryAskingForAnotherSharedObject_makesBothOnce() {
        StringBuilder inner = context.get().shared(StringBuilder.class, () -> new StringBuilder("inner"));
        Integer outer = context.get().shared(Integer.class,
                () -> context.get().shared(Long.class, () -> 7L).intValue() + 1);

        assertEquals(8, outer);
        assertEquals(7L, context.get().shared(Long.class, () -> 99L));
        assertSame(inner, context.get().shared(StringBuilder.class, StringBuilder::new));
    }

    @Test
    void create_nameSpanningDirectories_createsThemAs0555() {
        context.get().create(null, "drivers/via0/info", 0444, EMPTY);

        EntryStat drivers = t.fs().stat("/drivers");
        EntryStat via = t.fs().stat("/drivers/via0");
        EntryStat info = t.fs().stat("/drivers/via0/info");
        assertEquals(EntryStat.Kind.DIRECTORY, drivers.kind());
        assertEquals(0555, drivers.mode());
        assertEquals(0555, via.mode());
        assertEquals(EntryStat.Kind.FILE, info.kind());
        assertEquals(0444, info.mode());
    }

    @Test
    void create_belowAParentDirectory_placesTheEntryThere() {
        ProcDir net = context.get().mkdir(null, "net", 0555);

        context.get().create(net, "stat/dev", 0444, EMPTY);

        assertEquals(List.of("dev"), t.fs().list("/net/stat"));
    }

    @Test
    void create_belowAHandleTheCoreDidNotMake_failsWithEinval() {
        ProcDir forged = () -> "/net";
        context.get().mkdir(null, "net", 0555);

        assertErrno(Errno.EINVAL, () -> context.get().create(forged, "dev", 0444, EMPTY));
    }

    @Test
    void create_nameTaken_failsWithEexist() {
        context.get().create(null, "a", 0444, EMPTY);

        assertErrno(Errno.EEXIST, () -> context.get().create(null, "a", 0444, EMPTY));
    }

    @Test
    void mkdir_nameTaken_failsWithEexist() {
        context.get().mkdir(null, "d", 0555);

        assertErrno(Errno.EEXIST, () -> context.get().mkdir(null, "d", 0555));
    }

    @Test
    void mkdirs_existingDirectory_isReused() {
        ProcDir sys = context.get().mkdir(null, "sys", 0555);

        assertEquals(sys.path(), context.get().mkdirs(null, "sys", 0555, Set.of()).path());
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of("", Errno.EINVAL),
                Arguments.of(".", Errno.EINVAL),
                Arguments.of("..", Errno.EINVAL),
                Arguments.of("a//b", Errno.EINVAL),
                Arguments.of("a/", Errno.EINVAL),
                Arguments.of("a/../b", Errno.EINVAL),
                Arguments.of("with\0nul", Errno.EINVAL),
                Arguments.of("a/with\0nul", Errno.EINVAL),
                Arguments.of("n".repeat(256), Errno.ENAMETOOLONG),
                Arguments.of("a/" + "n".repeat(256), Errno.ENAMETOOLONG));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void create_invalidName_isRefusedAndLeavesNothingBehind(String name, Errno expected) {
        assertErrno(expected, () -> context.get().create(null, name, 0444, EMPTY));

        assertEquals(List.of("modules"), t.fs().list("/"));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void mkdir_invalidName_isRefusedAndLeavesNothingBehind(String name, Errno expected) {
        assertErrno(expected, () -> context.get().mkdir(null, name, 0555));

        assertEquals(List.of("modules"), t.fs().list("/"));
    }

    @Test
    void symlink_nameSpanningDirectories_pointsAtTheTarget() {
        context.get().symlink(null, "net/self", "1/net");

        assertEquals("1/net", t.fs().readlink("/net/self"));
    }

    @Test
    void remove_directoryWithChildren_failsWithEnotempty() {
        context.get().create(null, "d/f", 0444, EMPTY);

        assertErrno(Errno.ENOTEMPTY, () -> context.get().remove(null, "d"));
    }

    @Test
    void remove_file_makesLookupFailWithEnoent() {
        context.get().create(null, "d/f", 0444, EMPTY);

        context.get().remove(null, "d/f");

        assertErrno(Errno.ENOENT, () -> t.fs().stat("/d/f"));
    }

    @Test
    void remove_absentEntry_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> context.get().remove(null, "nope"));
    }

    @Test
    void printk_formatsIntoTheKernelLog() {
        long next = t.fs().kernelLog().nextSequence();

        context.get().printk(LogLevel.INFO, "t: %d entries", 3);

        assertEquals("<6>t: 3 entries\n", t.fs().kernelLog().readFrom(next).get(0).kmsgLine());
    }

    @Test
    void moduleName_isTheRegisteredName() {
        assertEquals("t", context.get().moduleName());
    }
}
