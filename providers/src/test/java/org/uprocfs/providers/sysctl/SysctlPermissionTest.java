package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.EntryStat;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/** Modes bind root too under sys/, and attributes cannot change, as proc_sys_permission and setattr decide. */
class SysctlPermissionTest {
    private static final Caller USER = new Caller(1000, 1000, 4242);
    private final SysctlFs sys = SysctlFs.start();

    @AfterEach
    void stop() {
        sys.close();
    }

    private Errno openFails(String path, int flags, Caller caller) {
        return assertThrows(ProcException.class, () -> sys.fs.open(path, flags, caller)).errno();
    }

    @Test
    void open_readOnlyRowForWriting_failsWithEaccesEvenForRoot() {
        assertEquals(Errno.EACCES, openFails("/sys/kernel/ostype", SysctlFs.O_WRONLY, Caller.ROOT));
        assertEquals(Errno.EACCES, openFails("/sys/fs/file-nr", SysctlFs.O_RDWR, Caller.ROOT));
    }

    @Test
    void open_writableRowForWritingAsUser_failsWithEacces() {
        assertEquals(Errno.EACCES, openFails("/sys/vm/swappiness", SysctlFs.O_WRONLY, USER));
    }

    @Test
    void open_writableRowForReadingAsUser_succeeds() {
        sys.fs.release(sys.fs.open("/sys/vm/swappiness", SysctlFs.O_RDONLY, USER));
    }

    @Test
    void chmod_sysFile_failsWithEperm() {
        assertEquals(Errno.EPERM, assertThrows(ProcException.class,
                () -> sys.fs.chmod("/sys/vm/swappiness", 0600, Caller.ROOT)).errno());
        assertEquals(0644, sys.fs.stat("/sys/vm/swappiness").mode());
    }

    @Test
    void chmodAndChown_sysDirectory_failWithEperm() {
        assertEquals(Errno.EPERM, assertThrows(ProcException.class,
                () -> sys.fs.chmod("/sys/vm", 0755, Caller.ROOT)).errno());
        assertEquals(Errno.EPERM, assertThrows(ProcException.class,
                () -> sys.fs.chown("/sys", 1000, 1000, Caller.ROOT)).errno());
        assertEquals(Errno.EPERM, assertThrows(ProcException.class,
                () -> sys.fs.chown("/sys/kernel/hostname", 1000, 1000, Caller.ROOT)).errno());
    }

    @Test
    void stat_modes_are0644Writable0444ReadOnly0555Directories() {
        assertEquals(0644, sys.fs.stat("/sys/kernel/hostname").mode());
        assertEquals(0444, sys.fs.stat("/sys/kernel/ostype").mode());
        assertEquals(0444, sys.fs.stat("/sys/fs/file-nr").mode());
        assertEquals(0555, sys.fs.stat("/sys").mode());
        assertEquals(0555, sys.fs.stat("/sys/net/ipv4").mode());
        assertEquals(EntryStat.Kind.DIRECTORY, sys.fs.stat("/sys/net/ipv4").kind());
    }

    @Test
    void write_programmaticToReadOnlyRow_failsWithEperm() {
        assertEquals(Errno.EPERM, assertThrows(ProcException.class,
                () -> sys.table().write("kernel/ostype", new byte[] {'x'}, 0)).errno());
    }
}
