package org.uprocfs.providers.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the running simulation over 100 samples with the clock advancing by random steps. */
class ConsistencyTest {
    private static final int SAMPLES = 100;
    /** Files whose numbers are event counters and must never decrease. */
    private static final List<String> COUNTER_FILES = List.of("stat", "interrupts", "softirqs", "diskstats", "net/dev");

    @Test
    void runningClock_hundredSamples_countersNeverDecrease() {
        try (HardwareFixture f = new HardwareFixture()) {
            SplittableRandom random = new SplittableRandom(7);
            Map<String, long[]> previous = new HashMap<>();
            for (int i = 0; i < SAMPLES; i++) {
                f.clock.advance(step(random));
                for (String file : COUNTER_FILES) {
                    long[] now = counters(f.read(file), file);
                    long[] before = previous.put(file, now);
                    if (before != null) {
                        assertEquals(before.length, now.length, file);
                        for (int k = 0; k < now.length; k++) {
                            assertTrue(now[k] >= before[k], file + " number " + k + " went from " + before[k] + " to " + now[k]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void runningClock_hundredSamples_perCpuLinesSumToCpuLineAndIdleFitsUptime() {
        try (HardwareFixture f = new HardwareFixture()) {
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 0; i < SAMPLES; i++) {
                f.clock.advance(step(random));
                List<long[]> cpuLines = f.read("stat").lines().filter(l -> l.startsWith("cpu"))
                        .map(l -> numbers(l.substring(l.indexOf(' ')))).toList();
                long[] total = cpuLines.get(0);
                long[] sum = new long[total.length];
                for (long[] cpu : cpuLines.subList(1, cpuLines.size())) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += cpu[k];
                    }
                }
                assertTrue(Arrays.equals(total, sum), "cpu line " + Arrays.toString(total) + " != " + Arrays.toString(sum));
                long uptimeTicks = f.clock.uptimeNanos() / 10_000_000L;
                int cpus = cpuLines.size() - 1;
                assertTrue(total[3] <= uptimeTicks * cpus, "idle exceeds uptime x CPUs");
                for (long[] cpu : cpuLines.subList(1, cpuLines.size())) {
                    assertTrue(Arrays.stream(cpu).sum() <= uptimeTicks, "a CPU has more time than uptime");
                }
                String[] uptime = f.read("uptime").trim().split(" ");
                assertTrue(Double.parseDouble(uptime[1]) <= Double.parseDouble(uptime[0]) * cpus);
            }
        }
    }

    @Test
    void runningClock_hundredSamples_memoryStaysWithinBounds() {
        try (HardwareFixture f = new HardwareFixture()) {
            SplittableRandom random = new SplittableRandom(13);
            for (int i = 0; i < SAMPLES; i++) {
                f.clock.advance(step(random));
                Map<String, Long> m = meminfo(f.read("meminfo"));
                assertTrue(m.get("MemAvailable") <= m.get("MemTotal"));
                assertTrue(m.get("MemFree") <= m.get("MemTotal"));
                assertTrue(m.get("MemFree") >= 0);
                assertTrue(m.get("SwapFree") <= m.get("SwapTotal"));
                assertTrue(m.get("SwapFree") >= 0);
            }
        }
    }

    @Test
    void frozenClock_twoReads_giveIdenticalText() {
        try (HardwareFixture f = new HardwareFixture()) {
            for (String file : HardwareFixture.FILES) {
                if (!file.equals("kallsyms")) {
                    assertEquals(f.read(file), f.read(file), file);
                }
            }
        }
    }

    private static Duration step(SplittableRandom random) {
        // Mostly short steps, sometimes minutes, once in a while under a millisecond.
        return switch (random.nextInt(3)) {
            case 0 -> Duration.ofNanos(random.nextLong(1, 1_000_000));
            case 1 -> Duration.ofMillis(random.nextLong(1, 5_000));
            default -> Duration.ofSeconds(random.nextLong(1, 600));
        };
    }

    private static long[] counters(String text, String file) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            if (file.equals("stat") && (line.startsWith("btime") || line.startsWith("procs_"))) {
                continue;
            }
            if (file.equals("net/dev") && line.contains("|")) {
                continue;
            }
            // Drop labels (irq numbers, device names, major/minor) so only the counters remain.
            String body = switch (file) {
                case "diskstats" -> line.trim().split("\\s+", 4)[3];
                case "interrupts", "softirqs", "net/dev" -> line.contains(":") ? line.substring(line.indexOf(':') + 1) : "";
                default -> line.substring(line.indexOf(' ') + 1);
            };
            if (file.equals("interrupts")) {
                body = body.replaceAll("[A-Za-z].*$", "");
            }
            digits.append(' ').append(body);
        }
        return numbers(digits.toString());
    }

    private static long[] numbers(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static Map<String, Long> meminfo(String text) {
        Map<String, Long> values = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(":\\s+");
            values.put(parts[0], Long.parseLong(parts[1].split(" ")[0]));
        }
        return values;
    }
}
