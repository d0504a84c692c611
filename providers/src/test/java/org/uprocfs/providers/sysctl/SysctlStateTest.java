package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.state.StateStore;

/** With {@code state=DIR} every acknowledged write survives a restart; a bad state file stops the module. */
class SysctlStateTest {
    @TempDir
    Path dir;

    private SysctlFs start(String... extra) {
        Map<String, String> parameters = extra.length == 0 ? Map.of("state", dir.toString())
                : Map.of("state", dir.toString(), extra[0], extra[1]);
        return SysctlFs.start(parameters, List.of("sysctl", "howto_sysctl"));
    }

    private Path stateFile() throws IOException {
        return StateStore.open(dir).fileOf("sysctl");
    }

    @Test
    void restart_sameStateDir_restoresEveryWrittenKind() {
        try (SysctlFs sys = start()) {
            sys.write("/sys/vm/swappiness", "10");
            sys.write("/sys/kernel/printk", "3 4 1 7");
            sys.write("/sys/kernel/hostname", "héte\n");
            sys.write("/sys/fs/file-max", "123456");
            sys.write("/sys/net/test/value2", "17");
        }
        try (SysctlFs sys = start()) {
            assertEquals("10\n", sys.cat("/sys/vm/swappiness"));
            assertEquals("3\t4\t1\t7\n", sys.cat("/sys/kernel/printk"));
            assertEquals("héte\n", sys.cat("/sys/kernel/hostname"));
            assertEquals("123456\n", sys.cat("/sys/fs/file-max"));
            assertEquals("17\n", sys.cat("/sys/net/test/value2"));
            assertEquals("20\n", sys.cat("/sys/vm/dirty_ratio"));
        }
    }

    @Test
    void write_acknowledged_isInTheFileBeforeTheWriteReturns() throws IOException {
        try (SysctlFs sys = start()) {
            sys.write("/sys/vm/swappiness", "33");
            String onDisk = new String(StateStore.open(dir).read("sysctl").orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(onDisk.contains("vm/swappiness=33\n"), onDisk);
        }
    }

    @Test
    void write_refused_leavesTheFileUntouched() throws IOException {
        try (SysctlFs sys = start()) {
            sys.write("/sys/vm/swappiness", "33");
            byte[] before = Files.readAllBytes(stateFile());
            assertEquals(Errno.EINVAL, sys.writeFails("/sys/vm/swappiness", "300"));
            assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(stateFile())));
        }
    }

    @Test
    void restart_after1000Writes_losesNothing() {
        try (SysctlFs sys = start()) {
            for (int i = 0; i < 1000; i++) {
                sys.write(i % 2 == 0 ? "/sys/vm/swappiness" : "/sys/net/core/somaxconn", Integer.toString(i % 201));
            }
        }
        try (SysctlFs sys = start()) {
            assertEquals(998 % 201 + "\n", sys.cat("/sys/vm/swappiness"));
            assertEquals(999 % 201 + "\n", sys.cat("/sys/net/core/somaxconn"));
        }
    }

    @Test
    void unloadedModule_keepsItsSavedValuesForItsReturn() {
        try (SysctlFs sys = start()) {
            sys.write("/sys/net/test/value1", "12");
            sys.fs.unloadModule("howto_sysctl");
            sys.write("/sys/vm/swappiness", "5");
            sys.fs.loadModule("howto_sysctl");
            assertEquals("12\n", sys.cat("/sys/net/test/value1"));
        }
    }

    @Test
    void start_corruptStateFile_isRefusedNamingTheFile() throws IOException {
        try (SysctlFs sys = start()) {
            sys.write("/sys/vm/swappiness", "33");
        }
        byte[] raw = Files.readAllBytes(stateFile());
        raw[raw.length - 2] ^= 0x20;
        Files.write(stateFile(), raw);
        ProcException refused = assertThrows(ProcException.class, this::start);
        assertEquals(Errno.EINVAL, refused.errno());
        assertTrue(refused.getMessage().contains(stateFile().toString()), refused.getMessage());
    }

    @Test
    void start_unreadableStateFile_isRefused() throws IOException {
        Files.createDirectories(stateFile());
        assertEquals(Errno.EINVAL, assertThrows(ProcException.class, this::start).errno());
    }

    @Test
    void start_savedValueOutOfRange_isRefusedNamingFileAndRow() throws IOException {
        StateStore.open(dir).write("sysctl", "vm/swappiness=500\n".getBytes(StandardCharsets.UTF_8));
        ProcException refused = assertThrows(ProcException.class, this::start);
        assertTrue(refused.getMessage().contains("vm/swappiness"), refused.getMessage());
        assertTrue(refused.getMessage().contains(stateFile().toString()), refused.getMessage());
    }

    @Test
    void start_corruptStateFileWithResetState_startsFromDefaultsAndWritesAgain() throws IOException {
        Files.write(stateFile(), "garbage".getBytes(StandardCharsets.UTF_8));
        try (SysctlFs sys = start("reset-state", "true")) {
            assertEquals("60\n", sys.cat("/sys/vm/swappiness"));
            sys.write("/sys/vm/swappiness", "44");
        }
        assertTrue(Files.exists(dir.resolve("sysctl.state.corrupt")));
        try (SysctlFs sys = start()) {
            assertEquals("44\n", sys.cat("/sys/vm/swappiness"));
        }
    }

    @Test
    void start_savedValueOutOfRangeWithResetState_usesTheDefault() throws IOException {
        StateStore.open(dir).write("sysctl", "vm/swappiness=500\nvm/dirty_ratio=30\n".getBytes(StandardCharsets.UTF_8));
        try (SysctlFs sys = start("reset-state", "true")) {
            assertEquals("60\n", sys.cat("/sys/vm/swappiness"));
            assertEquals("30\n", sys.cat("/sys/vm/dirty_ratio"));
        }
    }

    @Test
    void restart_withoutStateDir_startsFromDefaults() {
        try (SysctlFs sys = SysctlFs.start()) {
            sys.write("/sys/vm/swappiness", "10");
        }
        try (SysctlFs sys = SysctlFs.start()) {
            assertEquals("60\n", sys.cat("/sys/vm/swappiness"));
        }
    }
}
