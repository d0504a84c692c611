package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.providers.process.files.PidFixtures.render;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;

/** The files agree with each other when parsed the way procps, psutil and htop parse them. */
class PidIdentitiesTest {
    static Stream<SimProcess> table() {
        return Stream.of(PidFixtures.java(), PidFixtures.kworker(), PidFixtures.zombie(), PidFixtures.weird());
    }

    @ParameterizedTest
    @MethodSource("table")
    void stat_everyThread_hasFiftyTwoFieldsAfterTheLastParenthesis(SimProcess p) {
        for (SimThread t : p.threads()) {
            for (boolean whole : new boolean[] {true, false}) {
                String line = render(m -> PidStat.show(m, p, t, whole, true));
                assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1 || t.comm().contains("\n"));
                String[] fields = fields(line);
                assertEquals(52, fields.length, line);
                assertEquals(Integer.toString(t.tid()), fields[0]);
                assertEquals(t.comm(), line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("table")
    void memory_statusStatmAndStat_agree(SimProcess p) {
        Map<String, String> status = status(render(m -> PidStatus.show(m, p, p.leader(), 2)));
        long[] statm = Arrays.stream(render(m -> PidStatm.show(m, p)).trim().split(" "))
                .mapToLong(Long::parseLong).toArray();
        String[] stat = fields(render(m -> PidStat.showGroup(m, p, true)));
        long vsize = Long.parseLong(stat[22]);
        long rss = Long.parseLong(stat[23]);
        if (p.memory() == null) {
            assertTrue(!status.containsKey("VmRSS") && !status.containsKey("VmSize"));
            assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L), Arrays.stream(statm).boxed().toList());
            assertEquals(0, vsize);
            assertEquals(0, rss);
            return;
        }
        long vmRss = kb(status, "VmRSS");
        assertEquals(vmRss, kb(status, "RssAnon") + kb(status, "RssFile") + kb(status, "RssShmem"));
        assertEquals(vmRss / 4, statm[1]);
        assertEquals(vmRss / 4, rss);
        assertEquals(kb(status, "VmSize") * 1024, vsize);
        assertEquals(statm[0] * 4096, vsize);
        assertEquals((kb(status, "RssFile") + kb(status, "RssShmem")) / 4, statm[2]);
        assertEquals((kb(status, "VmData") + kb(status, "VmStk")) / 4, statm[5]);
        assertTrue(kb(status, "VmHWM") >= vmRss && kb(status, "VmPeak") >= kb(status, "VmSize"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void status_everyLine_isKeyColonTab(SimProcess p) {
        for (SimThread t : p.threads()) {
            String text = render(m -> PidStatus.show(m, p, t, 2));
            for (String line : text.split("\n")) {
                assertTrue(line.matches("[A-Za-z_0-9]+:\t.*"), line);
            }
            Map<String, String> status = status(text);
            assertEquals(Integer.toString(t.tid()), status.get("Pid"));
            assertEquals(Integer.toString(p.tgid()), status.get("Tgid"));
            assertEquals(Integer.toString(p.numThreads()), status.get("Threads"));
            assertEquals(p.kernelThread() ? "1" : "0", status.get("Kthread"));
        }
    }

    @ParameterizedTest
    @MethodSource("table")
    void smapsRollup_rss_equalsStatusVmRss(SimProcess p) {
        if (p.memory() == null) {
            return;
        }
        String rollup = render(m -> PidMaps.showSmapsRollup(m, p));
        long rss = Long.parseLong(rollup.lines().filter(l -> l.startsWith("Rss:")).findFirst().orElseThrow()
                .replaceAll("[^0-9]", ""));
        assertEquals(p.memory().vmRssKb(), rss);
        String maps = render(m -> PidMaps.showMaps(m, p));
        for (String line : maps.split("\n")) {
            if (line.length() > 73) {
                assertEquals(' ', line.charAt(72), line);
                assertTrue(line.charAt(73) != ' ', line);
            }
        }
    }

    /** The fields after the comm, with pid first: split at the last ')' like every client does. */
    private static String[] fields(String line) {
        String pid = line.substring(0, line.indexOf(' '));
        String rest = line.substring(line.lastIndexOf(')') + 2).trim();
        String[] after = rest.split(" ");
        String[] all = new String[after.length + 2];
        all[0] = pid;
        all[1] = "comm";
        System.arraycopy(after, 0, all, 2, after.length);
        return all;
    }

    private static Map<String, String> status(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf(":\t");
            map.put(line.substring(0, tab), line.substring(tab + 2));
        }
        return map;
    }

    private static long kb(Map<String, String> status, String key) {
        return Long.parseLong(status.get(key).replace(" kB", "").trim());
    }
}
