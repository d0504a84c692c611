package org.uprocfs.providers.state;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.providers.hardware.profile.ProfileException;
import org.uprocfs.providers.hardware.profile.ProfileLoader;

/** Start-up input is checked for type and size before it is read: a FIFO or a huge file is refused at once. */
class StateFileTypeTest {
    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor() != 0) {
            throw new IOException("mkfifo failed");
        }
        return fifo;
    }

    @Test
    void read_aFifoAsStateFile_isRefusedWithoutBlocking() throws Exception {
        fifo("fortune.state");
        StateStore store = StateStore.open(dir);
        CorruptStateException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(CorruptStateException.class, () -> store.read("fortune")));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void read_aStateFileLargerThanAnyState_isRefusedWithoutReadingIt() throws IOException {
        Files.write(dir.resolve("fortune.state"), new byte[(int) StateStore.MAX_STATE_BYTES + 1]);
        StateStore store = StateStore.open(dir);
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.read("fortune"));
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void loadFile_aFifoAsProfile_isRefusedWithoutBlocking() throws Exception {
        Path fifo = fifo("machine.json");
        ProfileException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ProfileException.class, () -> ProfileLoader.loadFile(fifo)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
