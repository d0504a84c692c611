package org.uprocfs.core.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.assertErrno;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcFile;

/**
 * Path lookup and directory creation along a path.
 *
 * <pre>
 * /
 * +-- sys/
 *     +-- kernel/
 *         +-- hostname   file
 * </pre>
 */
class ProcTreeTest {
    private final ProcTree tree = new ProcTree(Instant.EPOCH);
    private final ProcDirectory kernel = tree.directoriesAlong(null, "sys/kernel", "t", Set.of(), Instant.EPOCH);
    private final ProcFile hostname = kernel.addFile("hostname", "t", new EntryAttributes(0644, 0, 0), Set.of(),
            Instant.EPOCH, ProcHandlers.show(b -> b.puts("box\n")));

    @ParameterizedTest
    @ValueSource(strings = {"/sys/kernel/hostname", "sys/kernel/hostname", "//sys///kernel/hostname",
        "/sys/./kernel/../kernel/hostname"})
    void lookup_pathToFile_findsIt(String path) {
        assertSame(hostname, tree.lookup(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/..", "/./"})
    void lookup_rootSpellings_findTheRoot(String path) {
        assertSame(tree.root(), tree.lookup(path));
    }

    @Test
    void lookup_missingName_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> tree.lookup("/sys/vm"));
    }

    @Test
    void lookup_throughAFile_failsWithEnotdir() {
        assertErrno(Errno.ENOTDIR, () -> tree.lookup("/sys/kernel/hostname/x"));
    }

    @Test
    void lookup_nameOver255Bytes_failsWithEnametoolong() {
        assertErrno(Errno.ENAMETOOLONG, () -> tree.lookup("/sys/" + "n".repeat(256)));
    }

    @Test
    void lookup_nameOf200TwoByteCharacters_failsWithEnametoolong() {
        assertErrno(Errno.ENAMETOOLONG, () -> tree.lookup("/sys/" + "\u00e9".repeat(200)));
    }

    @Test
    void lookup_pathOver4096Bytes_failsWithEnametoolong() {
        assertErrno(Errno.ENAMETOOLONG, () -> tree.lookup("/sys" + "/.".repeat(2047)));
    }

    @Test
    void lookup_pathOver4096BytesInUtf8_failsWithEnametoolong() {
        assertErrno(Errno.ENAMETOOLONG, () -> tree.lookup(("/" + "\u00e9".repeat(100)).repeat(21)));
    }

    @Test
    void directoriesAlong_missingDirectories_createsThem0555Implicit() {
        ProcDirectory via = tree.directoriesAlong(null, "drivers/via0", "t", Set.of(EntryFlag.FIXED_ATTRIBUTES),
                Instant.EPOCH);

        ProcDirectory drivers = (ProcDirectory) tree.lookup("/drivers");
        assertSame(via, tree.lookup("/drivers/via0"));
        assertEquals(0555, drivers.attributes().mode());
        assertEquals(0555, via.attributes().mode());
        assertTrue(via.isImplicit());
        assertTrue(via.has(EntryFlag.FIXED_ATTRIBUTES));
    }

    @Test
    void directoriesAlong_existingDirectories_areReused() {
        assertSame(kernel, tree.directoriesAlong(null, "sys/kernel", "u", Set.of(), Instant.EPOCH));
    }

    @Test
    void directoriesAlong_fileInTheWay_failsWithEnotdir() {
        assertErrno(Errno.ENOTDIR, () -> tree.directoriesAlong(null, "sys/kernel/hostname/x", "t", Set.of(),
                Instant.EPOCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"new//x", "new/", "new/../x", "new/./x", "new/x\0y"})
    void directoriesAlong_invalidComponent_failsAndCreatesNothing(String relative) {
        assertErrno(Errno.EINVAL, () -> tree.directoriesAlong(null, relative, "t", Set.of(), Instant.EPOCH));
        assertNull(tree.root().child("new"));
    }
}
