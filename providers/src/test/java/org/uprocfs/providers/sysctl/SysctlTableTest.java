package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/** The shared table: modules adding and removing rows, listeners, and values other modules query. */
class SysctlTableTest {

    @Test
    void howtoModule_registersItsRowsAndUnloadRemovesThem() {
        try (SysctlFs sys = SysctlFs.start(Map.of(), List.of("sysctl", "howto_sysctl"))) {
            assertEquals(List.of("core", "ipv4", "test"), sys.fs.list("/sys/net"));
            assertTrue(sys.table().paths().contains("net/test/value1"));
            sys.fs.unloadModule("howto_sysctl");
            assertEquals(List.of("core", "ipv4"), sys.fs.list("/sys/net"));
            assertFalse(sys.table().paths().contains("net/test/value1"));
            assertEquals("60\n", sys.cat("/sys/vm/swappiness"));
        }
    }

    @Test
    void howtoModule_loadedBeforeSysctl_sharesTheDirectories() {
        try (SysctlFs sys = SysctlFs.start(Map.of(), List.of("howto_sysctl", "sysctl"))) {
            sys.fs.unloadModule("howto_sysctl");
            assertEquals(List.of("core", "ipv4"), sys.fs.list("/sys/net"));
            sys.fs.unloadModule("sysctl");
            assertFalse(sys.fs.list("/").contains("sys"));
        }
    }

    @Test
    void sysctlUnload_removesEverythingAndReloadStartsFromDefaults() {
        try (SysctlFs sys = SysctlFs.start()) {
            sys.write("/sys/vm/swappiness", "1");
            sys.fs.unloadModule("sysctl");
            assertThrows(ProcException.class, () -> sys.fs.stat("/sys"));
            sys.fs.loadModule("sysctl");
            assertEquals("60\n", sys.cat("/sys/vm/swappiness"));
        }
    }

    @Test
    void openHandle_afterUnload_failsWithEio() {
        try (SysctlFs sys = SysctlFs.start()) {
            long handle = sys.fs.open("/sys/vm/swappiness", SysctlFs.O_WRONLY, org.uprocfs.core.api.Caller.ROOT);
            sys.fs.unloadModule("sysctl");
            assertEquals(Errno.EIO, assertThrows(ProcException.class,
                    () -> sys.fs.write(handle, 0, "1".getBytes(StandardCharsets.US_ASCII))).errno());
            sys.fs.release(handle);
        }
    }

    @Test
    void onChange_isToldOldAndNewValueOfAnAcceptedWriteOnly() {
        try (SysctlFs sys = SysctlFs.start()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            SysctlSubscription subscription = sys.table().onChange("vm/swappiness",
                    (path, old, now) -> seen.add(path + ":" + old + "->" + now));
            sys.write("/sys/vm/swappiness", "10");
            sys.writeFails("/sys/vm/swappiness", "1000");
            sys.write("/sys/vm/swappiness", "10");
            subscription.close();
            sys.write("/sys/vm/swappiness", "11");
            assertEquals(List.of("vm/swappiness:Numbers[values=[60]]->Numbers[values=[10]]"), seen);
        }
    }

    @Test
    void onChange_hostname_deliversText() {
        try (SysctlFs sys = SysctlFs.start()) {
            List<String> names = new CopyOnWriteArrayList<>();
            sys.table().onChange("kernel/hostname", (path, old, now) -> names.add(((SysctlValue.Text) now).asString()));
            sys.write("/sys/kernel/hostname", "gateway\n");
            assertEquals(List.of("gateway"), names);
        }
    }

    @Test
    void onChange_failingListener_doesNotFailTheWrite() {
        try (SysctlFs sys = SysctlFs.start()) {
            sys.table().onChange("vm/swappiness", (path, old, now) -> {
                throw new IllegalStateException("listener bug");
            });
            assertEquals(2, sys.write("/sys/vm/swappiness", "10"));
            assertEquals("10\n", sys.cat("/sys/vm/swappiness"));
        }
    }

    @Test
    void dmesgRestricted_followsTheRow() {
        try (SysctlFs sys = SysctlFs.start()) {
            assertFalse(sys.table().dmesgRestricted());
            sys.write("/sys/kernel/dmesg_restrict", "1");
            assertTrue(sys.table().dmesgRestricted());
            assertEquals(Errno.EINVAL, sys.writeFails("/sys/kernel/dmesg_restrict", "2"));
        }
    }

    @Test
    void programmaticWrite_followsTheSameRules() {
        try (SysctlFs sys = SysctlFs.start()) {
            assertEquals(3, sys.table().write("vm/swappiness", "10 11".getBytes(StandardCharsets.US_ASCII), 0));
            assertEquals("10\n", sys.cat("/sys/vm/swappiness"));
            assertEquals(Errno.ENOENT, assertThrows(ProcException.class,
                    () -> sys.table().write("vm/nope", new byte[] {'1'}, 0)).errno());
        }
    }

    @Test
    void register_takenPath_failsWithEexistAndAddsNothing() {
        try (SysctlFs sys = SysctlFs.start()) {
            SysctlTable table = sys.table();
            int before = table.paths().size();
            org.uprocfs.core.api.ProcContext unused = null;
            ProcException refused = assertThrows(ProcException.class, () -> table.register(unused, List.of(
                    SysctlRow.tunable("vm/new_one", SysctlType.IntVector.of(0, 1), SysctlValue.Numbers.of(0)),
                    SysctlRow.tunable("vm/swappiness", SysctlType.IntVector.of(0, 1), SysctlValue.Numbers.of(0)))));
            assertEquals(Errno.EEXIST, refused.errno());
            assertEquals(before, table.paths().size());
        }
    }

    @Test
    void row_initialValueOutsideItsType_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> SysctlRow.tunable("vm/x", SysctlType.IntVector.of(10, 20),
                SysctlValue.Numbers.of(5)));
        assertThrows(IllegalArgumentException.class, () -> SysctlRow.tunable("vm/x", SysctlType.IntVector.unbounded(2),
                SysctlValue.Numbers.of(5)));
        assertThrows(IllegalArgumentException.class, () -> SysctlRow.tunable("vm/x=y", SysctlType.IntVector.of(0, 9),
                SysctlValue.Numbers.of(5)));
        assertThrows(IllegalArgumentException.class, () -> new SysctlRow("vm/x", 0644, SysctlType.IntVector.of(0, 9),
                SysctlCell.computed(() -> SysctlValue.Numbers.of(1))));
    }
}
