package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.SystemProcClock;

/**
 * With the clock frozen, what ps and top print about the simulated processes is exactly what their
 * per-pid files and the system-wide files say: one model, read by real clients.
 */
class ProcessValuesIT {
    private static final Duration SINCE_BOOT = Duration.ofNanos(SystemProcClock.hostUptimeNanos());

    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withDefaultModules()
            .clock(new ManualClock(Instant.now().minus(SINCE_BOOT), SINCE_BOOT));

    private static String asProc(String script) {
        Shell.Run run = Shell.run(Path.of("."), List.of("unshare", "-m", "sh", "-c",
                "mount --bind " + MOUNT.root() + " /proc && " + script), 60);
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("", run.stderr());
        return run.stdout();
    }

    private static Map<String, String> status(String pid) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readString(MOUNT.path(pid + "/status"), StandardCharsets.UTF_8).split("\n")) {
            int tab = line.indexOf(":\t");
            fields.put(line.substring(0, tab), line.substring(tab + 2).trim());
        }
        return fields;
    }

    private static String[] stat(String pid) throws IOException {
        String stat = Files.readString(MOUNT.path(pid + "/stat"), StandardCharsets.UTF_8);
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    /** A multi-threaded user process, so every column has something to say. */
    private static String busiestUserProcess() throws IOException {
        String best = null;
        int threads = 0;
        try (var dirs = Files.list(MOUNT.root())) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String pid = dir.getFileName().toString();
                Map<String, String> status = status(pid);
                int n = Integer.parseInt(status.get("Threads"));
                if (status.containsKey("VmRSS") && !status.get("Uid").startsWith("0\t") && n > threads) {
                    best = pid;
                    threads = n;
                }
            }
        }
        return best;
    }

    @Test
    void psColumns_ofAUserProcess_equalItsStatusAndStat() throws IOException {
        String pid = busiestUserProcess();
        String[] ps = asProc("ps -o pid=,ppid=,rss=,vsz=,nlwp=,ni=,user=,comm= -p " + pid).trim().split("\\s+");
        Map<String, String> status = status(pid);
        String[] stat = stat(pid);
        assertEquals(pid, ps[0]);
        assertEquals(status.get("PPid"), ps[1]);
        assertEquals(status.get("VmRSS").replace(" kB", ""), ps[2]);
        assertEquals(status.get("VmSize").replace(" kB", ""), ps[3]);
        assertEquals(status.get("Threads"), ps[4]);
        assertEquals(stat[16], ps[5], "nice is stat field 19");
        assertEquals(status.get("Name"), ps[7]);
        assertTrue(Integer.parseInt(ps[4]) > 1, "a multi-threaded process: " + String.join(" ", ps));
    }

    @Test
    void topSummary_agreesWithLoadavgAndTheListing() throws IOException {
        String out = asProc("top -b -n 1 | head -2; cat /proc/loadavg; ls /proc | grep -c '^[0-9]'");
        List<String> lines = out.lines().toList();
        String tasks = lines.get(1);
        int total = Integer.parseInt(tasks.replaceAll("Tasks:\\s*(\\d+) total.*", "$1"));
        int listed = Integer.parseInt(lines.get(3).trim());
        // top, ls and their shell are readers of the mount too, listed while they live.
        assertTrue(Math.abs(total - listed) <= 3, tasks + " against " + listed + " listed");
        String[] loadavg = lines.get(2).split(" ");
        String uptimeLoad = lines.get(0).replaceAll(".*load average: ", "").replace(",", "");
        assertEquals(String.join(" ", loadavg[0], loadavg[1], loadavg[2]), uptimeLoad, out);
        int threads = Integer.parseInt(loadavg[3].split("/")[1]);
        assertTrue(threads >= total - 3, "loadavg counts every thread: " + loadavg[3] + " for " + total + " tasks");
    }

    @Test
    void netOfAProcessAndOfTheReader_isTheMachinesNetwork() {
        String out = asProc("cat /proc/net/dev; echo ==; cat /proc/1/net/dev; echo ==; cat /proc/$$/net/dev");
        String[] parts = out.split("==\n");
        assertEquals(3, parts.length, out);
        assertTrue(parts[0].contains("Inter-|   Receive"), out);
        assertEquals(parts[0], parts[1]);
        assertEquals(parts[0], parts[2]);
    }
}
