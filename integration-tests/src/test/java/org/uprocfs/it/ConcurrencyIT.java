package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many threads reading and writing at once through the real mount. */
class ConcurrencyIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest");

    @Test
    void eightReadersTwoWriters_forSeconds_everyReadCompleteAndConsistent() throws Exception {
        byte[] big = Posix.readAll(MOUNT.path("selftest/big"), 131072);
        byte[] legacy = Posix.readAll(MOUNT.path("selftest/legacy_inpage"), 131072);
        Set<String> written = Set.of("alpha-alpha-alpha\n", "beta\n", "gamma-gamma\n");
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> tasks = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            int reader = r;
            tasks.add(pool.submit(() -> {
                int reads = 0;
                while (System.nanoTime() < deadline) {
                    switch (reader % 3) {
                        case 0 -> check(big, Posix.readAll(MOUNT.path("selftest/big"), 4096), "big", problems);
                        case 1 -> check(legacy, Posix.readAll(MOUNT.path("selftest/legacy_inpage"), 4096), "legacy", problems);
                        default -> {
                            String value = new String(Posix.readAll(MOUNT.path("selftest/scratch"), 4096),
                                    StandardCharsets.UTF_8);
                            if (!value.isEmpty() && !written.contains(value)) {
                                problems.add("torn scratch value: " + value);
                            }
                        }
                    }
                    reads++;
                }
                return reads;
            }));
        }
        for (int w = 0; w < 2; w++) {
            tasks.add(pool.submit(() -> {
                int writes = 0;
                List<String> values = List.copyOf(written);
                while (System.nanoTime() < deadline) {
                    Posix.Result result = Posix.writeOnce(MOUNT.path("selftest/scratch"), values.get(writes % values.size()));
                    if (result.failed()) {
                        problems.add("write failed: " + result.errno());
                    }
                    writes++;
                }
                return writes;
            }));
        }
        int operations = 0;
        for (Future<Integer> task : tasks) {
            operations += task.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), List.copyOf(problems));
        assertTrue(operations > 100, "only " + operations + " operations completed");
        assertArrayEquals(big, Posix.readAll(MOUNT.path("selftest/big"), 131072), "the daemon still answers");
    }

    private static void check(byte[] expected, byte[] actual, String name, ConcurrentLinkedQueue<String> problems) {
        if (!java.util.Arrays.equals(expected, actual)) {
            problems.add(name + " read " + actual.length + " bytes, expected " + expected.length);
        }
    }
}
