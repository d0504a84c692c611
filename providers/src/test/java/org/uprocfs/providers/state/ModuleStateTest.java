package org.uprocfs.providers.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.api.Errno;
import org.uprocfs.providers.etx.EtxProcModule;
import org.uprocfs.providers.fortune.FortuneModule;
import org.uprocfs.providers.support.ProcFsDriver;

/** Module state under --state: fortune's pot and etx_proc's buffer survive a restart; bad files are refused. */
class ModuleStateTest {
    @TempDir
    Path stateDirectory;

    private ProcFsDriver fortune(Map<String, String> extra) {
        java.util.HashMap<String, String> parameters = new java.util.HashMap<>(extra);
        parameters.put("state", stateDirectory.toString());
        return ProcFsDriver.start("fortune", FortuneModule::new, parameters);
    }

    private ProcFsDriver etx() {
        return ProcFsDriver.start("etx_proc", EtxProcModule::new, Map.of("state", stateDirectory.toString()));
    }

    @Test
    void fortunePot_restart_keepsEveryAcknowledgedCookie() {
        try (ProcFsDriver first = fortune(Map.of())) {
            first.echo("/fortune", "one");
            first.echo("/fortune", "two");
        }
        try (ProcFsDriver second = fortune(Map.of())) {
            assertEquals("one\n", second.cat("/fortune"));
            assertEquals("two\n", second.cat("/fortune"));
        }
    }

    @Test
    void fortunePot_refusedCookie_isNotSaved() {
        try (ProcFsDriver first = fortune(Map.of())) {
            first.echo("/fortune", "kept");
            assertErrno(Errno.ENOSPC, () -> first.writeOnce("/fortune", "x".repeat(5000)));
        }
        try (ProcFsDriver second = fortune(Map.of())) {
            assertEquals("kept\n", second.cat("/fortune"));
            assertEquals("kept\n", second.cat("/fortune"), "one cookie only: it wraps to itself");
        }
    }

    @Test
    void etxBuffer_restart_keepsLastWrite() {
        try (ProcFsDriver first = etx()) {
            first.echo("/etx_proc", "persisted");
        }
        try (ProcFsDriver second = etx()) {
            assertEquals("persisted\n", second.cat("/etx_proc"));
        }
    }

    @Test
    void corruptStateFile_isRefusedNamingTheFile_unlessResetState() throws IOException {
        try (ProcFsDriver first = fortune(Map.of())) {
            first.echo("/fortune", "one");
        }
        Path file;
        try (var files = Files.list(stateDirectory)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("fortune")).findFirst().orElseThrow();
        }
        Files.write(file, "not a state file".getBytes(StandardCharsets.UTF_8));
        var refused = org.junit.jupiter.api.Assertions.assertThrows(org.uprocfs.core.api.ProcException.class,
                () -> fortune(Map.of()));
        assertEquals(Errno.EINVAL, refused.errno());
        assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
        try (ProcFsDriver reset = fortune(Map.of("reset-state", "true"))) {
            assertEquals("\n", reset.cat("/fortune"), "an empty pot after the reset");
        }
    }

    @Test
    void fortuneStateWithAValidChecksumButNoPot_isRefused_andResetStateDiscardsIt() throws IOException {
        StateStore.open(stateDirectory).write("fortune", "no terminator".getBytes(StandardCharsets.UTF_8));
        var refused = org.junit.jupiter.api.Assertions.assertThrows(org.uprocfs.core.api.ProcException.class,
                () -> fortune(Map.of()));
        assertTrue(refused.getMessage().contains("--reset-state"), refused.getMessage());
        try (ProcFsDriver reset = fortune(Map.of("reset-state", "true"))) {
            assertEquals("\n", reset.cat("/fortune"), "an empty pot after the reset");
        }
        assertTrue(Files.exists(stateDirectory.resolve("fortune.state.corrupt")));
    }

    @Test
    void etxStateLongerThanANewSize_resetState_startsFromTheDefault() throws IOException {
        StateStore.open(stateDirectory).write("etx_proc", "x".repeat(100).getBytes(StandardCharsets.UTF_8));
        Map<String, String> small = Map.of("state", stateDirectory.toString(), "etx_proc.size", "20");
        assertErrno(Errno.EINVAL, () -> ProcFsDriver.start("etx_proc", EtxProcModule::new, small));
        Map<String, String> reset = Map.of("state", stateDirectory.toString(), "etx_proc.size", "20",
                "reset-state", "true");
        try (ProcFsDriver fresh = ProcFsDriver.start("etx_proc", EtxProcModule::new, reset)) {
            assertEquals("try_proc_array\n", fresh.cat("/etx_proc"));
        }
    }

    @Test
    void quarantine_twice_keepsEveryCorruptCopy() throws IOException {
        StateStore store = StateStore.open(stateDirectory);
        store.write("fortune", "first".getBytes(StandardCharsets.UTF_8));
        Path first = store.quarantine("fortune");
        store.write("fortune", "second".getBytes(StandardCharsets.UTF_8));
        Path second = store.quarantine("fortune");
        assertEquals(stateDirectory.resolve("fortune.state.corrupt"), first);
        assertEquals(stateDirectory.resolve("fortune.state.corrupt.1"), second);
        assertTrue(Files.readString(first).endsWith("first") && Files.readString(second).endsWith("second"));
    }
}
