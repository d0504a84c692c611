package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.io.ReadSink;

/** Reads of number rows answer only at offset 0, as {@code if (*ppos && !write) return 0} makes them. */
class SysctlReadTest {
    private final SysctlFs sys = SysctlFs.start();

    @AfterEach
    void stop() {
        sys.close();
    }

    @Test
    void read_atOffsetZero_givesValueAndNewline() {
        assertEquals("60\n", sys.cat("/sys/vm/swappiness"));
        assertEquals("20\n", sys.cat("/sys/vm/dirty_ratio"));
        assertEquals("4096\n", sys.cat("/sys/net/core/somaxconn"));
        assertEquals("4194304\n", sys.cat("/sys/kernel/pid_max"));
        assertEquals("0\n", sys.cat("/sys/kernel/dmesg_restrict"));
        assertEquals("0\n", sys.cat("/sys/net/ipv4/ip_forward"));
        assertEquals("0\n", sys.cat("/sys/vm/overcommit_memory"));
    }

    @Test
    void read_atOffsetAboveZero_returnsNoBytes() {
        assertEquals(0, sys.read("/sys/vm/swappiness", 1, 100).length);
        assertEquals(0, sys.read("/sys/kernel/printk", 3, 100).length);
    }

    @Test
    void read_smallerThanValue_isCutAndTheRestIsGone() {
        assertArrayEquals("6".getBytes(StandardCharsets.US_ASCII), sys.read("/sys/vm/swappiness", 0, 1));
        assertArrayEquals("4\t4".getBytes(StandardCharsets.US_ASCII), sys.read("/sys/kernel/printk", 0, 3));
    }

    @Test
    void read_sequentialOnOneHandle_endsAfterTheFirstRead() {
        long handle = sys.fs.open("/sys/vm/swappiness", SysctlFs.O_RDONLY, Caller.ROOT);
        try {
            byte[] buffer = new byte[100];
            assertEquals(3, sys.fs.read(handle, 0, 100, ReadSink.of(buffer)));
            assertEquals(0, sys.fs.read(handle, 3, 100, ReadSink.of(buffer)));
        } finally {
            sys.fs.release(handle);
        }
    }

    @Test
    void read_seesAWriteMadeThroughAnotherHandle() {
        long handle = sys.fs.open("/sys/vm/swappiness", SysctlFs.O_RDONLY, Caller.ROOT);
        try {
            sys.write("/sys/vm/swappiness", "7");
            byte[] buffer = new byte[100];
            int n = sys.fs.read(handle, 0, 100, ReadSink.of(buffer));
            assertEquals("7\n", new String(buffer, 0, n, StandardCharsets.US_ASCII));
        } finally {
            sys.fs.release(handle);
        }
    }

    @Test
    void read_readWriteHandle_readsBackWhatItWrote() {
        long handle = sys.fs.open("/sys/vm/swappiness", SysctlFs.O_RDWR, Caller.ROOT);
        try {
            assertEquals(3, sys.fs.write(handle, 0, "33\n".getBytes(StandardCharsets.US_ASCII)));
            byte[] buffer = new byte[100];
            int n = sys.fs.read(handle, 0, 100, ReadSink.of(buffer));
            assertEquals("33\n", new String(buffer, 0, n, StandardCharsets.US_ASCII));
        } finally {
            sys.fs.release(handle);
        }
    }

    @Test
    void list_sysDirectories_holdTheRows() {
        assertEquals(java.util.List.of("fs", "kernel", "net", "vm"), sys.fs.list("/sys"));
        assertEquals(java.util.List.of("core", "ipv4"), sys.fs.list("/sys/net"));
    }
}
