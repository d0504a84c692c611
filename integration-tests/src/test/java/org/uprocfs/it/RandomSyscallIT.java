package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of random syscalls on the mount from a seeded {@link Random}: none hangs, only documented
 * errnos come back, and the static entries read the same bytes before and after.
 *
 * <p>Reproduce a failure with {@code -Dfuzz.seed=N} (the seed is printed) and {@code -Dfuzz.ops=N}.
 */
class RandomSyscallIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest", "fortune", "etx_proc", "procfs_example",
            "howto", "sysctl", "howto_sysctl", "kmsg").handlerTimeout(Duration.ofSeconds(2));

    /** Entries whose bytes never change, whatever the fuzzer writes elsewhere. */
    private static final List<String> STATIC = List.of("selftest/version", "selftest/big", "selftest/legacy_unset",
            "selftest/legacy_token", "selftest/legacy_inpage", "sys/kernel/ostype", "sys/kernel/osrelease");
    /** Everything the fuzzer may touch, missing names included; never the hang and hog fixtures. */
    private static final List<String> PATHS = List.of("", "selftest", "selftest/version", "selftest/big",
            "selftest/scratch", "selftest/write_log", "selftest/legacy_unset", "selftest/legacy_token",
            "selftest/legacy_inpage", "selftest/faulty", "selftest/link", "selftest/missing", "fortune", "etx_proc",
            "procfs_example", "procfs_example/foo", "procfs_example/bar", "procfs_example/jiffies",
            "procfs_example/jiffies_too", "test/buffer", "modules", "kmsg", "sys", "sys/kernel/hostname",
            "sys/kernel/printk", "sys/vm/swappiness", "sys/kernel/ostype", "sys/kernel/osrelease",
            "sys/fs/file-nr", "sys/net/test/value1", "nonexistent/deeper", "selftest/version/x");
    /** Every errno a documented path of uprocfs (or the kernel in front of it) answers with. */
    private static final Set<Errno> DOCUMENTED = EnumSet.of(Errno.ENOENT, Errno.ENOTDIR, Errno.EISDIR, Errno.EACCES,
            Errno.EPERM, Errno.EINVAL, Errno.EIO, Errno.EBADF, Errno.ENOSPC, Errno.EAGAIN, Errno.EFBIG,
            Errno.ESPIPE);

    @Test
    void randomSyscalls_thousandsOfThem_neverHangAndOnlyDocumentedErrnos() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int operations = Integer.getInteger("fuzz.ops", 4000);
        System.out.println("RandomSyscallIT seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        Map<String, byte[]> expected = new LinkedHashMap<>();
        for (String path : STATIC) {
            expected.put(path, Posix.readAll(MOUNT.path(path), 131072));
        }
        Random random = new Random(seed);
        Map<String, Integer> errnos = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < operations; i++) {
                long opSeed = random.nextLong();
                Future<String> op = runner.submit(() -> oneOperation(new Random(opSeed), errnos));
                String problem;
                try {
                    problem = op.get(10, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("operation " + i + " hung (seed " + seed + ")");
                }
                if (problem != null) {
                    problems.add("op " + i + ": " + problem);
                }
                if (i % 500 == 0) {
                    checkStatic(expected, problems, i);
                }
            }
        } finally {
            runner.shutdownNow();
        }
        checkStatic(expected, problems, operations);
        System.out.println("RandomSyscallIT errnos seen: " + errnos);
        assertEquals(List.of(), problems, "seed " + seed);
        assertTrue(MOUNT.session().isMounted());
        Await.until("every fuzzed handle released", Duration.ofSeconds(5), () -> MOUNT.fs().openHandleCount() == 0);
    }

    private static void checkStatic(Map<String, byte[]> expected, List<String> problems, int at) {
        expected.forEach((path, bytes) -> {
            byte[] now = Posix.readAll(MOUNT.path(path), 4096);
            if (!java.util.Arrays.equals(bytes, now)) {
                problems.add("after op " + at + ": " + path + " changed (" + now.length + " bytes)");
            }
        });
    }

    /** One random syscall (or a short open-use-close sequence); a description if it broke a rule. */
    private static String oneOperation(Random random, Map<String, Integer> errnos) {
        String path = PATHS.get(random.nextInt(PATHS.size()));
        String full = MOUNT.path(path).toString();
        Posix.Result result;
        String what;
        switch (random.nextInt(7)) {
            case 0 -> {
                what = "stat " + path;
                result = Posix.call(Posix.POSIX.stat(full, Posix.POSIX.allocateStat()));
            }
            case 1 -> {
                what = "readlink " + path;
                result = Posix.call(Posix.POSIX.readlink(full, new byte[4096], 4096));
            }
            case 2 -> {
                what = "readdir " + path;
                String[] names = MOUNT.path(path).toFile().list();
                result = Posix.call(0);
                if (names == null && !path.isEmpty() && java.nio.file.Files.isDirectory(MOUNT.path(path))) {
                    return what + " listed nothing for a directory";
                }
            }
            default -> {
                int access = random.nextInt(3);
                // O_NONBLOCK half the time, so kmsg answers EAGAIN instead of waiting for log lines.
                int flags = access | (random.nextBoolean() ? Posix.O_NONBLOCK : 0)
                        | (random.nextInt(8) == 0 ? Posix.O_TRUNC : 0);
                if (path.equals("kmsg")) {
                    flags |= Posix.O_NONBLOCK;
                }
                what = "open " + path + " flags 0" + Integer.toOctalString(flags);
                Posix.Result opened = Posix.open(MOUNT.path(path), flags);
                if (opened.failed()) {
                    result = opened;
                    break;
                }
                int fd = (int) opened.value();
                try {
                    result = Posix.call(0);
                    for (int step = random.nextInt(4); step >= 0 && !result.failed(); step--) {
                        result = useOpenFile(random, fd);
                        what += "; " + (result.failed() ? "failed" : "ok");
                    }
                } finally {
                    Posix.close(fd);
                }
            }
        }
        if (result.failed()) {
            errnos.merge(String.valueOf(result.errno()), 1, Integer::sum);
            if (!DOCUMENTED.contains(result.errno())) {
                return what + " failed with undocumented " + result.errno();
            }
        }
        return null;
    }

    private static Posix.Result useOpenFile(Random random, int fd) {
        switch (random.nextInt(4)) {
            case 0 -> {
                int size = 1 + random.nextInt(random.nextBoolean() ? 64 : 131072);
                return Posix.call(Posix.POSIX.read(fd, new byte[size], size));
            }
            case 1 -> {
                int size = 1 + random.nextInt(8192);
                long offset = random.nextInt(4) == 0 ? random.nextLong() & 0xffffffffffL : random.nextInt(2_000_000);
                return Posix.pread(fd, new byte[size], size, offset);
            }
            case 2 -> {
                byte[] data = new byte[random.nextInt(random.nextBoolean() ? 16 : 5000)];
                random.nextBytes(data);
                if (random.nextBoolean()) {
                    // Printable sometimes, so numeric tunables see plausible text too.
                    data = Integer.toString(random.nextInt(300) - 50).getBytes(StandardCharsets.US_ASCII);
                }
                return Posix.write(fd, data);
            }
            default -> {
                long offset = random.nextInt(100_000);
                int whence = random.nextInt(3);
                return Posix.call(Posix.POSIX.lseek(fd, offset, whence));
            }
        }
    }
}
