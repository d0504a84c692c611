package org.uprocfs.providers.hardware;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writes every rendered file to the directory named by -Dhw.dump, for comparing against real /proc by eye. */
class DumpTest {
    @Test
    void dump_withDirectoryProperty_writesEveryFile() throws Exception {
        String dir = System.getProperty("hw.dump");
        if (dir == null) {
            return;
        }
        String machine = System.getProperty("hw.machine");
        Map<String, String> params = machine == null ? Map.of("seed", "42") : Map.of("seed", "42", "machine", machine);
        try (HardwareFixture f = new HardwareFixture(params)) {
            for (String name : HardwareFixture.FILES) {
                Path p = Path.of(dir, name);
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.read(name), StandardCharsets.UTF_8);
            }
        }
    }
}
