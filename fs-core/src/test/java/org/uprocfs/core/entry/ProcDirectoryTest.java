package org.uprocfs.core.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.assertErrno;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcHandlers;

/**
 * Directory contents: names, duplicates, removal and link counts.
 *
 * <pre>
 * /
 * +-- net/        directory
 * |   +-- dev     file
 * +-- self        symlink to "1"
 * </pre>
 */
class ProcDirectoryTest {
    private static final EntryAttributes DIR = new EntryAttributes(0555, 0, 0);
    private static final EntryAttributes FILE = new EntryAttributes(0444, 0, 0);

    private final ProcDirectory root = ProcDirectory.newRoot(Instant.EPOCH);
    private final ProcDirectory net = root.addDirectory("net", "t", DIR, Set.of(), Instant.EPOCH);

    @Test
    void addFile_nameTaken_failsWithEexist() {
        net.addFile("dev", "t", FILE, Set.of(), Instant.EPOCH, ProcHandlers.show(b -> { }));

        assertErrno(Errno.EEXIST, () -> net.addDirectory("dev", "u", DIR, Set.of(), Instant.EPOCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\0b"})
    void addFile_invalidName_failsWithEinval(String name) {
        assertErrno(Errno.EINVAL, () -> root.addFile(name, "t", FILE, Set.of(), Instant.EPOCH,
                ProcHandlers.show(b -> { })));
        assertEquals(List.of("net"), names(root));
    }

    @Test
    void addFile_nameOf256Bytes_failsWithEnametoolong() {
        assertErrno(Errno.ENAMETOOLONG, () -> root.addFile("n".repeat(256), "t", FILE, Set.of(), Instant.EPOCH,
                ProcHandlers.show(b -> { })));
    }

    @Test
    void addFile_nameOf128TwoByteCharacters_failsWithEnametoolong() {
        assertErrno(Errno.ENAMETOOLONG, () -> root.addFile("\u00e9".repeat(128), "t", FILE, Set.of(),
                Instant.EPOCH, ProcHandlers.show(b -> { })));
    }

    @Test
    void addFile_nameOf255Bytes_isAccepted() {
        root.addFile("n".repeat(255), "t", FILE, Set.of(), Instant.EPOCH, ProcHandlers.show(b -> { }));

        assertEquals(2, root.children().size());
    }

    @Test
    void addSymlink_emptyTarget_failsWithEinval() {
        assertErrno(Errno.EINVAL, () -> root.addSymlink("self", "t", Instant.EPOCH, ""));
    }

    @Test
    void remove_nonEmptyDirectory_failsWithEnotempty() {
        net.addFile("dev", "t", FILE, Set.of(), Instant.EPOCH, ProcHandlers.show(b -> { }));

        assertErrno(Errno.ENOTEMPTY, () -> root.remove("net"));
        assertSame(net, root.child("net"));
    }

    @Test
    void remove_absentName_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> root.remove("nope"));
    }

    @Test
    void remove_file_detachesItAndMarksItRemoved() {
        ProcFile dev = net.addFile("dev", "t", FILE, Set.of(), Instant.EPOCH, ProcHandlers.show(b -> { }));

        net.remove("dev");

        assertNull(net.child("dev"));
        assertTrue(dev.isRemoved());
    }

    @Test
    void linkCount_isTwoPlusSubdirectories() {
        net.addFile("dev", "t", FILE, Set.of(), Instant.EPOCH, ProcHandlers.show(b -> { }));
        root.addDirectory("sys", "t", DIR, Set.of(), Instant.EPOCH);
        root.addSymlink("self", "t", Instant.EPOCH, "1");

        assertEquals(4, root.linkCount());
        assertEquals(2, net.linkCount());
    }

    @Test
    void children_areInNameOrder() {
        root.addSymlink("self", "t", Instant.EPOCH, "1");
        root.addDirectory("acpi", "t", DIR, Set.of(), Instant.EPOCH);

        assertEquals(List.of("acpi", "net", "self"), names(root));
    }

    @Test
    void path_ofNestedEntry_isAbsolute() {
        ProcFile dev = net.addFile("dev", "t", FILE, Set.of(), Instant.EPOCH, ProcHandlers.show(b -> { }));

        assertEquals("/net/dev", dev.path());
        assertEquals("/", root.path());
    }

    private static List<String> names(ProcDirectory dir) {
        return dir.children().stream().map(ProcEntry::name).toList();
    }
}
