package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.mount.session.MountTable;

/**
 * Readers cannot exhaust the daemon's 64 MiB heap: kallsyms (4.3 MB) is a seq file that streams a page at a
 * time, so many concurrent readers all succeed with the same bytes while small files stay readable.
 */
class MemoryBoundsIT {
    private Path mountPoint;

    @AfterEach
    void unmount() throws IOException {
        if (mountPoint != null) {
            Cli.run("umount", mountPoint.toString());
            if (MountTable.at(mountPoint) != null) {
                Shell.run(Path.of("."), List.of("fusermount", "-u", "-z", mountPoint.toString()), 10);
            }
            Files.deleteIfExists(mountPoint);
        }
    }

    private static String logPath(Shell.Run mount) {
        String out = mount.stdout() + mount.stderr();
        int at = out.indexOf("log ");
        return at < 0 ? null : out.substring(at + 4, out.indexOf(')', at)).trim();
    }

    @Test
    void eightConcurrentCatsOfKallsyms_allSucceedWithIdenticalBytes_andVersionStaysReadable() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--modules", "hardware,selftest", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());

        // Eight cat processes at once, three rounds, while a ninth loop reads version; each prints its status.
        Path out = Files.createTempDirectory("uprocfs-kallsyms-");
        Shell.Run run;
        try {
            run = Shell.sh(mountPoint, String.join("\n",
                    "(for i in $(seq 1 200); do cat selftest/version > /dev/null || echo VERSION_FAILED; done) &",
                    "v=$!",
                    "for round in 1 2 3; do",
                    "  cats=''",
                    "  for i in 1 2 3 4 5 6 7 8; do",
                    "    f=" + out + "/k.$round.$i",
                    "    (if cat kallsyms > $f; then echo \"OK $(sha256sum < $f | cut -d' ' -f1)\"; else echo FAILED; fi;"
                            + " rm -f $f) &",
                    "    cats=\"$cats $!\"",
                    "  done",
                    "  wait $cats",
                    "done",
                    "wait $v",
                    "cat selftest/version"));
        } finally {
            Shell.run(Path.of("."), List.of("rm", "-rf", out.toString()), 10);
        }

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        List<String> lines = run.stdout().lines().toList();
        assertFalse(lines.contains("VERSION_FAILED"), run.stdout());
        assertFalse(lines.contains("FAILED"), run.stdout());
        Set<String> sums = new TreeSet<>();
        long ok = lines.stream().filter(line -> line.startsWith("OK ")).peek(line -> sums.add(line)).count();
        assertEquals(24, ok, run.stdout());
        assertEquals(1, sums.size(), "every reader got the same bytes: " + sums);
        assertEquals("uprocfs selftest 1", lines.get(lines.size() - 1));

        byte[] once = Files.readAllBytes(mountPoint.resolve("kallsyms"));
        assertTrue(once.length > 4_000_000, "kallsyms is " + once.length + " bytes");
        String log = logPath(mount);
        if (log != null && Files.isReadable(Path.of(log))) {
            String text = Files.readString(Path.of(log));
            assertFalse(text.contains("OutOfMemoryError"), text);
        }
    }

    @Test
    void thirtyTwoConcurrentCatsOfKallsyms_allGetTheWholeFile() throws IOException {
        mountPoint = Cli.newMountPoint();
        Shell.Run mount = Cli.run("mount", "--modules", "hardware,selftest", mountPoint.toString());
        assertEquals(0, mount.exitCode(), mount.stderr());

        Shell.Run run = Shell.sh(mountPoint, String.join("\n",
                "for i in $(seq 1 32); do (cat kallsyms | wc -c) & done",
                "wait"));

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("", run.stderr());
        long expected = Files.readAllBytes(mountPoint.resolve("kallsyms")).length;
        List<String> counts = run.stdout().lines().map(String::trim).toList();
        assertEquals(32, counts.size(), run.stdout());
        assertTrue(counts.stream().allMatch(count -> Long.parseLong(count) == expected), run.stdout());
    }
}
