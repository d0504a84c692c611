package org.uprocfs.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.AccessPolicy.MAY_EXEC;
import static org.uprocfs.core.AccessPolicy.MAY_READ;
import static org.uprocfs.core.AccessPolicy.MAY_WRITE;
import static org.uprocfs.core.TestFs.assertErrno;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcFile;

/** Permission decisions: root's override, STRICT_MODE, owner/group/other bits and attribute changes. */
class AccessPolicyTest {
    private static final Caller OWNER = new Caller(1000, 2000, 1);
    private static final Caller GROUP_MEMBER = new Caller(1001, 100, 2);
    private static final Caller OTHER = new Caller(1002, 2002, 3);

    private final ProcDirectory root = ProcDirectory.newRoot(Instant.EPOCH);

    private ProcFile file(String name, int mode, int uid, int gid, EntryFlag... flags) {
        return root.addFile(name, "t", new EntryAttributes(mode, uid, gid), Set.of(flags), Instant.EPOCH,
                ProcHandlers.show(buffer -> { }));
    }

    @Test
    void permits_rootWritingA0444OrdinaryFile_isAllowed() {
        assertTrue(AccessPolicy.permits(file("f", 0444, 0, 0), Caller.ROOT, MAY_READ | MAY_WRITE));
    }

    @Test
    void permits_rootWritingA0444StrictFile_isRefused() {
        ProcFile strict = file("f", 0444, 0, 0, EntryFlag.STRICT_MODE);

        assertFalse(AccessPolicy.permits(strict, Caller.ROOT, MAY_WRITE));
        assertTrue(AccessPolicy.permits(strict, Caller.ROOT, MAY_READ));
    }

    @Test
    void permits_rootWritingA0200StrictFile_isAllowedButReadingIsNot() {
        ProcFile writeOnly = file("f", 0200, 0, 0, EntryFlag.STRICT_MODE);

        assertTrue(AccessPolicy.permits(writeOnly, Caller.ROOT, MAY_WRITE));
        assertFalse(AccessPolicy.permits(writeOnly, Caller.ROOT, MAY_READ));
    }

    @Test
    void permits_rootExecutingAFileWithoutAnyXBit_isRefused() {
        assertFalse(AccessPolicy.permits(file("f", 0644, 0, 0), Caller.ROOT, MAY_EXEC));
        assertTrue(AccessPolicy.permits(file("g", 0744, 0, 0), Caller.ROOT, MAY_EXEC));
    }

    @Test
    void permits_rootSearchingADirectory_isAllowed() {
        ProcDirectory closed = root.addDirectory("d", "t", new EntryAttributes(0, 0, 0), Set.of(), Instant.EPOCH);

        assertTrue(AccessPolicy.permits(closed, Caller.ROOT, MAY_EXEC));
    }

    @Test
    void permits_ownerOfA0640File_mayReadAndWrite() {
        assertTrue(AccessPolicy.permits(file("f", 0640, 1000, 100), OWNER, MAY_READ | MAY_WRITE));
    }

    @Test
    void permits_groupMemberOfA0640File_mayReadButNotWrite() {
        ProcFile f = file("f", 0640, 1000, 100);

        assertTrue(AccessPolicy.permits(f, GROUP_MEMBER, MAY_READ));
        assertFalse(AccessPolicy.permits(f, GROUP_MEMBER, MAY_WRITE));
    }

    @Test
    void permits_memberOfTheFilesGroupBySupplementaryGroup_mayReadA0640File() {
        Caller member = new Caller(2000, 2000, 1, 1, java.util.List.of(100));
        ProcFile f = file("f", 0640, 1000, 100);
        assertTrue(AccessPolicy.permits(f, member, MAY_READ));
        assertFalse(AccessPolicy.permits(f, member, MAY_WRITE));
    }

    @Test
    void permits_otherOnA0640File_mayNotRead() {
        assertFalse(AccessPolicy.permits(file("f", 0640, 1000, 100), OTHER, MAY_READ));
    }

    @Test
    void permits_ownerOfA0046File_isHeldToTheOwnerBitsOnly() {
        ProcFile f = file("f", 0046, 1000, 100);

        assertFalse(AccessPolicy.permits(f, OWNER, MAY_READ));
        assertTrue(AccessPolicy.permits(f, OTHER, MAY_READ | MAY_WRITE));
    }

    @Test
    void permits_nonRootWritingA0444File_isRefused() {
        assertFalse(AccessPolicy.permits(file("f", 0444, 1000, 100), OWNER, MAY_WRITE));
    }

    @Test
    void check_refused_failsWithEacces() {
        assertErrno(Errno.EACCES, () -> AccessPolicy.check(file("f", 0400, 0, 0), OTHER, MAY_READ));
    }

    @Test
    void checkAttributeChange_rootOnOrdinaryEntry_isAllowed() {
        ProcFile f = file("f", 0444, 1000, 100);

        assertDoesNotThrow(() -> AccessPolicy.checkAttributeChange(f, Caller.ROOT, false));
        assertDoesNotThrow(() -> AccessPolicy.checkAttributeChange(f, Caller.ROOT, true));
    }

    @Test
    void checkAttributeChange_nonRootNonOwnerChmod_failsWithEperm() {
        assertErrno(Errno.EPERM, () -> AccessPolicy.checkAttributeChange(file("f", 0666, 1000, 100), OTHER, false));
    }

    @Test
    void checkAttributeChange_ownerChmod_isAllowed() {
        assertDoesNotThrow(() -> AccessPolicy.checkAttributeChange(file("f", 0444, 1000, 100), OWNER, false));
    }

    @Test
    void checkAttributeChange_nonRootChown_failsWithEpermEvenForTheOwner() {
        assertErrno(Errno.EPERM, () -> AccessPolicy.checkAttributeChange(file("f", 0444, 1000, 100), OWNER, true));
    }

    @Test
    void checkAttributeChange_fixedAttributes_failsWithEpermForRoot() {
        ProcFile fixed = file("f", 0644, 0, 0, EntryFlag.FIXED_ATTRIBUTES);

        assertErrno(Errno.EPERM, () -> AccessPolicy.checkAttributeChange(fixed, Caller.ROOT, false));
        assertErrno(Errno.EPERM, () -> AccessPolicy.checkAttributeChange(fixed, Caller.ROOT, true));
    }
}
