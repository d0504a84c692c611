package org.uprocfs.providers.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void read_neverWritten_isEmpty() throws IOException {
        assertTrue(StateStore.open(dir).read("fortune").isEmpty());
    }

    @Test
    void write_thenReadFromANewStore_givesThePayload() throws IOException {
        StateStore.open(dir).write("fortune", bytes("cookie\n"));
        assertArrayEquals(bytes("cookie\n"), StateStore.open(dir).read("fortune").orElseThrow());
    }

    @Test
    void write_twice_keepsOnlyTheLastAndNoTemporaryFiles() throws IOException {
        StateStore store = StateStore.open(dir);
        store.write("a", bytes("one"));
        store.write("a", bytes("two"));
        assertArrayEquals(bytes("two"), store.read("a").orElseThrow());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void open_removesTemporaryFilesLeftByACrash() throws IOException {
        Files.write(dir.resolve("a.state.123.tmp"), bytes("half"));
        StateStore.open(dir);
        assertFalse(Files.exists(dir.resolve("a.state.123.tmp")));
    }

    @Test
    void read_flippedPayloadByte_isRefusedNamingTheFile() throws IOException {
        StateStore store = StateStore.open(dir);
        store.write("a", bytes("value=10\n"));
        Path file = store.fileOf("a");
        byte[] raw = Files.readAllBytes(file);
        raw[raw.length - 2] ^= 1;
        Files.write(file, raw);
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.read("a"));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void read_truncatedOrForeignFile_isRefused() throws IOException {
        StateStore store = StateStore.open(dir);
        store.write("a", bytes("value=10\n"));
        byte[] raw = Files.readAllBytes(store.fileOf("a"));
        Files.write(store.fileOf("a"), java.util.Arrays.copyOf(raw, raw.length - 3));
        assertThrows(CorruptStateException.class, () -> store.read("a"));
        Files.write(store.fileOf("a"), bytes("{\"json\": true}"));
        assertThrows(CorruptStateException.class, () -> store.read("a"));
    }

    @Test
    void read_unreadablePath_isRefused() throws IOException {
        StateStore store = StateStore.open(dir);
        Files.createDirectory(store.fileOf("a"));
        assertThrows(CorruptStateException.class, () -> store.read("a"));
    }

    @Test
    void quarantine_movesTheFileAside() throws IOException {
        StateStore store = StateStore.open(dir);
        store.write("a", bytes("x"));
        Path aside = store.quarantine("a");
        assertTrue(Files.exists(aside));
        assertTrue(store.read("a").isEmpty());
    }

    @Test
    void fileOf_nameWithSlash_isRejected() throws IOException {
        StateStore store = StateStore.open(dir);
        assertThrows(IllegalArgumentException.class, () -> store.fileOf("../etc"));
    }
}
