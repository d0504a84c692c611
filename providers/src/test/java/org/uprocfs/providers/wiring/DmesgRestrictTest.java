package org.uprocfs.providers.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;

class DmesgRestrictTest {
    private static final int O_NONBLOCK = 04000;

    @Test
    void defaultMode_nonRoot_isRefusedByTheModeFirst() {
        try (WiredFs w = WiredFs.load("kmsg", "sysctl")) {
            assertEquals(Errno.EACCES, w.openFails("/kmsg", WiredFs.USER));
        }
    }

    @Test
    void dmesgRestrictOff_chmodded_nonRootMayOpen() {
        try (WiredFs w = WiredFs.load("kmsg", "sysctl")) {
            w.fs.chmod("/kmsg", 0444, Caller.ROOT);
            w.fs.release(w.fs.open("/kmsg", O_NONBLOCK, WiredFs.USER));
        }
    }

    @Test
    void dmesgRestrictOn_chmodded_nonRootGetsEperm() {
        for (String[] order : new String[][] {{"kmsg", "sysctl"}, {"sysctl", "kmsg"}}) {
            try (WiredFs w = WiredFs.load(order)) {
                w.fs.chmod("/kmsg", 0444, Caller.ROOT);
                w.write("/sys/kernel/dmesg_restrict", "1");
                assertEquals(Errno.EPERM, w.openFails("/kmsg", WiredFs.USER));
                w.write("/sys/kernel/dmesg_restrict", "0");
                w.fs.release(w.fs.open("/kmsg", O_NONBLOCK, WiredFs.USER));
            }
        }
    }

    @Test
    void dmesgRestrictOn_root_stillReads() {
        try (WiredFs w = WiredFs.load("sysctl", "kmsg")) {
            w.write("/sys/kernel/dmesg_restrict", "1");
            w.fs.release(w.fs.open("/kmsg", O_NONBLOCK, Caller.ROOT));
        }
    }

    @Test
    void sysctlUnloaded_restrictionLifts() {
        try (WiredFs w = WiredFs.load("sysctl", "kmsg")) {
            w.fs.chmod("/kmsg", 0444, Caller.ROOT);
            w.write("/sys/kernel/dmesg_restrict", "1");
            w.fs.unloadModule("sysctl");
            // Without the row the kernel default (0) holds, as for a kernel built without the tunable.
            w.fs.release(w.fs.open("/kmsg", O_NONBLOCK, WiredFs.USER));
        }
    }
}
