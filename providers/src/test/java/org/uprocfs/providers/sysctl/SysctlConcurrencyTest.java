package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many writers and readers at once: a multi-value row is always seen whole, and the last write is what persists. */
class SysctlConcurrencyTest {
    private static final int WRITERS = 6;
    private static final int READERS = 3;

    @TempDir
    Path dir;

    @Test
    void concurrentWriters_neverTearAMultiValueRow() throws Exception {
        try (SysctlFs sys = SysctlFs.start()) {
            hammer(sys, 300);
        }
    }

    @Test
    void concurrentWriters_withState_neverTearAndTheFileHoldsTheLastValue() throws Exception {
        String last;
        try (SysctlFs sys = SysctlFs.start(Map.of("state", dir.toString()), List.of("sysctl"))) {
            // Fewer writes: each one waits for an fsync.
            hammer(sys, 25);
            last = sys.cat("/sys/kernel/printk");
        }
        try (SysctlFs sys = SysctlFs.start(Map.of("state", dir.toString()), List.of("sysctl"))) {
            assertEquals(last, sys.cat("/sys/kernel/printk"));
        }
    }

    private static void hammer(SysctlFs sys, int writesEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        int v = id * writesEach + i;
                        sys.write("/sys/kernel/printk", v + " " + v + " " + v + " " + v + "\n");
                        int low = 1024 + v;
                        sys.write("/sys/net/ipv4/ip_local_port_range", low + "\t" + (low + 1));
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (!writers.stream().allMatch(Future::isDone)) {
                        String[] printk = sys.cat("/sys/kernel/printk").strip().split("\t");
                        boolean initial = String.join(",", printk).equals("4,4,1,7");
                        if (!initial && !(printk.length == 4 && printk[0].equals(printk[1])
                                && printk[1].equals(printk[2]) && printk[2].equals(printk[3])) && torn.size() < 10) {
                            torn.add(String.join(",", printk));
                        }
                        String[] ports = sys.cat("/sys/net/ipv4/ip_local_port_range").strip().split("\t");
                        if (!ports[0].equals("32768") && Integer.parseInt(ports[1]) != Integer.parseInt(ports[0]) + 1
                                && torn.size() < 10) {
                            torn.add(String.join(",", ports));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(torn.isEmpty(), "torn reads: " + torn);
        assertEquals(0, sys.fs.openHandleCount());
    }
}
