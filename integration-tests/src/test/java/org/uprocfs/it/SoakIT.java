package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sixteen readers and four writers over every entry while modules are unloaded and loaded again: no
 * unexpected error, no leaked thread, handle or descriptor, and a heap that does not grow.
 *
 * <p>Runs in the {@code soak} profile ({@code -Psoak -Dsoak.seconds=60}); alone with {@code -Dit.test=SoakIT}.
 */
class SoakIT {
    /** Modules unloaded and loaded again during the soak; their entries may answer ENOENT or EIO. */
    private static final List<String> CHURNED = List.of("fortune", "etx_proc", "procfs_example", "howto",
            "howto_sysctl");
    private static final Set<String> NEVER_READ = Set.of("selftest/hang", "selftest/hog", "selftest/faulty");

    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest", "fortune", "etx_proc", "procfs_example",
            "howto", "sysctl", "howto_sysctl", "kmsg", "hardware");

    private final LongAdder reads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder churns = new LongAdder();
    private final Map<String, LongAdder> expectedErrors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    @Test
    void sixteenReadersFourWritersWithModuleChurn_noUnexpectedErrorAndNothingLeaks() throws Exception {
        long seconds = Long.getLong("soak.seconds", 20);
        List<String> files = listFiles();
        // Warm up first, so libfuse's worker pool and the JIT are at their working size when we count.
        runLoad(files, Duration.ofSeconds(2), false);
        Snapshot before = Snapshot.take();

        runLoad(files, Duration.ofSeconds(seconds), true);
        for (String module : CHURNED) {
            if (!MOUNT.fs().modules().isLoaded(module)) {
                MOUNT.fs().loadModule(module);
            }
        }
        Await.until("every handle released", Duration.ofSeconds(10), () -> MOUNT.fs().openHandleCount() == 0);
        Snapshot after = Snapshot.take();

        System.out.printf("SoakIT: %d s, %d reads, %d writes, %d module reloads, expected errors %s%n",
                seconds, reads.sum(), writes.sum(), churns.sum(), expectedErrors);
        System.out.printf("SoakIT: before %s%nSoakIT: after  %s%n", before, after);
        assertEquals(List.of(), List.copyOf(unexpected).subList(0, Math.min(20, unexpected.size())));
        assertTrue(reads.sum() > 1000 && writes.sum() > 100, "too little load: " + reads + " reads, " + writes);
        // libfuse2 keeps up to ten idle workers, so the count may differ by that much either way.
        assertTrue(after.threads() <= before.threads() + 10, "threads " + before.threads() + " -> " + after.threads());
        assertTrue(after.descriptors() <= before.descriptors() + 5,
                "descriptors " + before.descriptors() + " -> " + after.descriptors());
        assertTrue(after.heapBytes() - before.heapBytes() < (32L << 20),
                "heap after GC grew from " + before.heapBytes() + " to " + after.heapBytes());
        assertTrue(MOUNT.session().isMounted());
    }

    private void runLoad(List<String> files, Duration length, boolean churn) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(21);
        List<Future<?>> tasks = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            long seed = r;
            tasks.add(pool.submit(() -> read(files, new Random(seed), deadline)));
        }
        List<Map.Entry<String, List<String>>> writable = List.copyOf(HostileInputIT.concurrentValues().entrySet());
        for (int w = 0; w < 4; w++) {
            long seed = 100 + w;
            tasks.add(pool.submit(() -> write(writable, new Random(seed), deadline)));
        }
        if (churn) {
            tasks.add(pool.submit(() -> churn(deadline)));
        }
        for (Future<?> task : tasks) {
            task.get(length.toSeconds() + 60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    private void read(List<String> files, Random random, long deadline) {
        byte[] buffer = new byte[131072];
        while (System.nanoTime() < deadline) {
            String path = files.get(random.nextInt(files.size()));
            // kmsg non-blocking: a blocking read would wait for log lines, which is its job, not a hang.
            int flags = Posix.O_RDONLY | (path.equals("kmsg") ? Posix.O_NONBLOCK : 0);
            Posix.Result opened = Posix.open(MOUNT.path(path), flags);
            if (opened.failed()) {
                judge(path, "open", opened.errno());
                continue;
            }
            int fd = (int) opened.value();
            try {
                while (true) {
                    int n = Posix.POSIX.read(fd, buffer, buffer.length);
                    if (n < 0) {
                        judge(path, "read", Errno.valueOf(Posix.POSIX.errno()));
                        break;
                    }
                    if (n == 0) {
                        break;
                    }
                }
                reads.increment();
            } finally {
                Posix.close(fd);
            }
        }
    }

    private void write(List<Map.Entry<String, List<String>>> writable, Random random, long deadline) {
        while (System.nanoTime() < deadline) {
            Map.Entry<String, List<String>> entry = writable.get(random.nextInt(writable.size()));
            String value = entry.getValue().get(random.nextInt(entry.getValue().size()));
            Posix.Result result = Posix.writeOnce(MOUNT.path(entry.getKey()), value);
            if (result.failed()) {
                judge(entry.getKey(), "write", result.errno());
            } else {
                writes.increment();
            }
        }
    }

    private void churn(long deadline) {
        Random random = new Random(7);
        while (System.nanoTime() < deadline) {
            String module = CHURNED.get(random.nextInt(CHURNED.size()));
            MOUNT.fs().unloadModule(module);
            sleep(random.nextInt(20));
            MOUNT.fs().loadModule(module);
            churns.increment();
            sleep(random.nextInt(50));
        }
    }

    /** Counts an error the soak allows; anything else is recorded as unexpected. */
    private void judge(String path, String operation, Errno errno) {
        boolean churned = CHURNED.stream().anyMatch(module -> owns(module, path));
        boolean allowed = (churned && (errno == Errno.ENOENT || errno == Errno.EIO))
                || (path.equals("kmsg") && errno == Errno.EAGAIN)
                || (path.equals("fortune") && errno == Errno.ENOSPC);
        if (allowed) {
            expectedErrors.computeIfAbsent(operation + " " + errno, key -> new LongAdder()).increment();
        } else {
            unexpected.add(operation + " " + path + ": " + errno);
        }
    }

    private static boolean owns(String module, String path) {
        return switch (module) {
            case "howto" -> path.startsWith("test/");
            case "howto_sysctl" -> path.startsWith("sys/net/test/");
            default -> path.equals(module) || path.startsWith(module + "/");
        };
    }

    private static List<String> listFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(MOUNT.root())) {
            return paths.filter(Files::isRegularFile)
                    .map(p -> MOUNT.root().relativize(p).toString())
                    .filter(p -> !NEVER_READ.contains(p))
                    .sorted()
                    .toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads, open descriptors, heap after a GC, and resident memory of this JVM, which is the daemon. */
    record Snapshot(int threads, long descriptors, long heapBytes, long rssKiB) {
        static Snapshot take() throws IOException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                sleep(100);
            }
            long descriptors;
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                descriptors = fds.count();
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rss = Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
            return new Snapshot(ManagementFactory.getThreadMXBean().getThreadCount(), descriptors, heap, rss);
        }
    }
}
