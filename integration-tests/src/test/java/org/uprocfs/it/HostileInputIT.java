package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every bad input at every writable entry: each write gets the answer the entry's contract (and, for
 * sys/, this kernel's /proc/sys) gives, the value read back afterwards is whole, and the daemon lives.
 *
 * <p>Each case starts from a freshly loaded module, so its expected state depends on nothing before it.
 * The sys/ expectations were checked against the real /proc/sys of a 6.x kernel with values that were
 * either refused or equal to the current one.
 */
class HostileInputIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("selftest", "fortune", "etx_proc", "procfs_example",
            "howto", "sysctl", "howto_sysctl");

    private static final int MIB = 1 << 20;
    /** pwrite at 2^40: far past anything, still below the FUSE file size limit. */
    private static final long FAR = 1L << 40;

    /** One hostile write: its bytes and the offset it is written at (-1 for a plain write(2)). */
    record Input(String name, byte[] data, long offset) {
    }

    /** What an entry answers: the write's count or errno, and the bytes a read returns afterwards. */
    record Outcome(long count, Errno errno, byte[] after) {
        static Outcome took(long count, byte[] after) {
            return new Outcome(count, null, after);
        }

        static Outcome refused(Errno errno, byte[] unchanged) {
            return new Outcome(-1, errno, unchanged);
        }
    }

    /** An entry's contract: what a write of {@code input} does to an entry that reads {@code before}. */
    @FunctionalInterface
    interface Contract {
        Outcome expect(Input input, byte[] before);
    }

    static List<Input> inputs() {
        Random random = new Random(20240301);
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        // Leading 0xA5: no number, no whitespace, whatever else the random bytes hold.
        garbage[0] = (byte) 0xA5;
        byte[] big = new byte[MIB];
        Arrays.fill(big, (byte) ' ');
        big[0] = '1';
        return List.of(
                new Input("0 bytes", new byte[0], -1),
                new Input("1 MiB of '1' and spaces", big, -1),
                new Input("4 KiB of binary garbage", garbage, -1),
                new Input("NUL bytes", new byte[] {0, 0, 0, 0}, -1),
                new Input("invalid UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'}, -1),
                new Input("100 digits", "9".repeat(100).getBytes(StandardCharsets.US_ASCII), -1),
                new Input("negative zero", ascii("-0"), -1),
                new Input("CR LF", ascii("1\r\n"), -1),
                new Input("pwrite at 2^40", ascii("1\n"), FAR));
    }

    /** Every writable entry of these modules with its contract; sys/ rows come from {@link #sysctlRows()}. */
    static Map<String, Contract> contracts() {
        Map<String, Contract> all = new LinkedHashMap<>();
        // The last write(2) call whole; a 1 MiB write arrives as FUSE-sized calls, so the last piece remains.
        all.put("selftest/scratch", (in, before) -> in.data().length == 0 ? Outcome.took(0, before)
                : Outcome.took(in.data().length, null));
        // etx_proc: at most 20 bytes replace the array whole; more is EINVAL and nothing changes.
        all.put("etx_proc", (in, before) -> in.data().length == 0 ? Outcome.took(0, before)
                : in.data().length > 20 ? Outcome.refused(Errno.EINVAL, before)
                : Outcome.took(in.data().length, in.data()));
        // fortune: one write is one cookie whose last byte becomes its NUL; a read shows it up to the first NUL.
        all.put("fortune", (in, before) -> in.data().length == 0 ? Outcome.took(0, before)
                : in.data().length > 4096 ? Outcome.refused(Errno.ENOSPC, before)
                : Outcome.took(in.data().length, concat(cString(Arrays.copyOf(in.data(), in.data().length - 1)),
                        ascii("\n"))));
        // foo/bar: the first eight bytes verbatim, a short count for the rest; shown up to a NUL.
        for (String name : List.of("foo", "bar")) {
            all.put("procfs_example/" + name, (in, before) -> in.data().length == 0 ? Outcome.took(0, before)
                    : Outcome.took(Math.min(8, in.data().length), concat(ascii(name + " = '"),
                            cString(Arrays.copyOf(in.data(), Math.min(8, in.data().length))), ascii("'\n"))));
        }
        // test/buffer: up to a page less the C string's terminator, a short count for the rest.
        all.put("test/buffer", (in, before) -> in.data().length == 0 ? Outcome.took(0, before)
                : Outcome.took(Math.min(4095, in.data().length),
                        Arrays.copyOf(in.data(), Math.min(4095, in.data().length))));
        sysctlRows().forEach((path, row) -> all.put("sys/" + path, row));
        return all;
    }

    /**
     * The writable sys/ rows. Numbers (proc_dointvec_minmax, strict): only a 0-byte write, a write past
     * offset 0 (ignored, counted whole), "1" with spaces (when 1 is in range) and "-0" (for int rows whose
     * range holds 0) are taken; everything else is EINVAL with the value unchanged.
     */
    static Map<String, Contract> sysctlRows() {
        Map<String, Contract> rows = new LinkedHashMap<>();
        rows.put("kernel/hostname", HostileInputIT::kernelString);
        rows.put("kernel/domainname", HostileInputIT::kernelString);
        for (String path : List.of("kernel/printk", "kernel/dmesg_restrict", "kernel/panic", "net/ipv4/ip_forward",
                "net/core/somaxconn", "vm/swappiness", "vm/overcommit_memory", "vm/overcommit_ratio", "vm/dirty_ratio")) {
            rows.put(path, (in, before) -> kernelNumber(in, before, true, true));
        }
        rows.put("fs/file-max", (in, before) -> kernelNumber(in, before, true, false));
        for (String path : List.of("kernel/pid_max", "net/ipv4/ip_local_port_range", "net/test/value1",
                "net/test/value2")) {
            rows.put(path, (in, before) -> kernelNumber(in, before, false, false));
        }
        return rows;
    }

    private static Outcome kernelNumber(Input in, byte[] before, boolean takesOne, boolean takesMinusZero) {
        String name = in.name();
        if (in.data().length == 0 || in.offset() > 0) {
            return Outcome.took(in.data().length, before);
        }
        if (name.startsWith("1 MiB") && takesOne) {
            return Outcome.took(in.data().length, replaceFirstValue(before, "1"));
        }
        if (name.equals("negative zero") && takesMinusZero) {
            return Outcome.took(in.data().length, replaceFirstValue(before, "0"));
        }
        return Outcome.refused(Errno.EINVAL, before);
    }

    /** proc_dostring, strict: from offset 0, copy up to NUL, newline or 64 bytes; past the end, ignore. */
    private static Outcome kernelString(Input in, byte[] before) {
        if (in.data().length == 0 || in.offset() > 0) {
            return Outcome.took(in.data().length, before);
        }
        int length = 0;
        while (length < in.data().length && length < 64 && in.data()[length] != 0 && in.data()[length] != '\n') {
            length++;
        }
        return Outcome.took(in.data().length, concat(Arrays.copyOf(in.data(), length), ascii("\n")));
    }

    @TestFactory
    Stream<DynamicTest> write_everyHostileInputToEveryWritableEntry_answersItsContractAndReadsBackWhole() {
        List<DynamicTest> tests = new ArrayList<>();
        contracts().forEach((path, contract) -> {
            for (Input input : inputs()) {
                tests.add(DynamicTest.dynamicTest(path + ": " + input.name(), () -> check(path, contract, input)));
            }
        });
        return tests.stream();
    }

    private static void check(String path, Contract contract, Input input) {
        reloadModuleOf(path);
        byte[] before = read(path);
        // Reading fortune moves its cursor (as the original's next_fortune did), so load it afresh again.
        reloadModuleOf(path);
        Outcome expected = contract.expect(input, before);

        Posix.Result result = write(path, input);
        byte[] after = read(path);

        if (expected.errno() != null) {
            assertEquals(expected.errno(), result.errno(), "errno of " + input.name());
        } else {
            assertEquals(expected.count(), result.value(), "count of " + input.name() + " (errno " + result.errno() + ")");
        }
        if (expected.after() != null) {
            assertArrayEquals(expected.after(), after, "read back after " + input.name() + ": "
                    + new String(after, StandardCharsets.ISO_8859_1));
        } else {
            // The scratch file keeps the last write call whole: a non-empty tail of what was written.
            assertTrue(after.length > 0 && after.length <= input.data().length, "scratch holds " + after.length);
            assertArrayEquals(Arrays.copyOfRange(input.data(), input.data().length - after.length,
                    input.data().length), after, "scratch holds a whole last piece");
        }
        assertTrue(MOUNT.session().isMounted(), "the daemon is alive");
    }

    /** Valid values per writable entry for the concurrent writers; sys/ vectors are written with spaces. */
    static Map<String, List<String>> concurrentValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> words = List.of("alpha\n", "beta-beta\n", "gamma-gamma-gamma\n");
        for (String path : List.of("selftest/scratch", "etx_proc", "fortune", "test/buffer")) {
            values.put(path, words);
        }
        values.put("procfs_example/foo", List.of("one\n", "two-two", "3"));
        values.put("procfs_example/bar", List.of("one\n", "two-two", "3"));
        values.put("sys/kernel/hostname", words);
        values.put("sys/kernel/domainname", words);
        values.put("sys/kernel/printk", List.of("1 2 3 4", "7 6 5 4"));
        values.put("sys/kernel/dmesg_restrict", List.of("0", "1"));
        values.put("sys/kernel/panic", List.of("10", "-20"));
        values.put("sys/net/ipv4/ip_forward", List.of("0", "1"));
        values.put("sys/net/core/somaxconn", List.of("128", "4096"));
        values.put("sys/vm/swappiness", List.of("10", "200"));
        values.put("sys/vm/overcommit_memory", List.of("1", "2"));
        values.put("sys/vm/dirty_ratio", List.of("5", "50"));
        values.put("sys/vm/overcommit_ratio", List.of("40", "60"));
        values.put("sys/fs/file-max", List.of("1000", "99999"));
        values.put("sys/kernel/pid_max", List.of("1000", "50000"));
        values.put("sys/net/ipv4/ip_local_port_range", List.of("2000 3000", "4000 5000"));
        values.put("sys/net/test/value1", List.of("11", "19"));
        values.put("sys/net/test/value2", List.of("11", "19"));
        return values;
    }

    @Test
    void write_fourWritersAndTwoReadersOnEveryWritableEntry_everyReadIsOneWholeValue() throws Exception {
        assertEquals(new TreeSet<>(contracts().keySet()), new TreeSet<>(concurrentValues().keySet()));
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Map.Entry<String, List<String>> entry : concurrentValues().entrySet()) {
            String path = entry.getKey();
            reloadModuleOf(path);
            Set<String> allowed = new java.util.HashSet<>();
            for (String value : entry.getValue()) {
                allowed.add(rendering(path, value));
            }
            if (path.equals("fortune")) {
                // Never read an empty pot: that moves the cursor past the first cookie's first byte.
                Posix.writeOnce(MOUNT.path(path), entry.getValue().get(0));
            } else {
                allowed.add(new String(read(path), StandardCharsets.ISO_8859_1));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String value = entry.getValue().get((writer + i) % entry.getValue().size());
                        Posix.Result result = Posix.writeOnce(MOUNT.path(path), value);
                        // A full cookie pot refuses more cookies whole; nothing else may fail.
                        if (result.failed() && !(path.equals("fortune") && result.errno() == Errno.ENOSPC)) {
                            problems.add(path + ": write " + value.strip() + " failed with " + result.errno());
                        }
                    }
                }));
            }
            List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        String seen = new String(path.startsWith("sys/") ? readOnce(path) : read(path),
                                StandardCharsets.ISO_8859_1);
                        if (!allowed.contains(seen)) {
                            problems.add(path + ": torn read " + seen);
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> writer : writers) {
                writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            writing.set(false);
            for (java.util.concurrent.Future<?> reader : readers) {
                reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
            String last = new String(read(path), StandardCharsets.ISO_8859_1);
            if (!allowed.contains(last)) {
                problems.add(path + ": final value " + last);
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(MOUNT.session().isMounted());
    }

    /** What a read shows after {@code value} was written whole to {@code path}. */
    private static String rendering(String path, String value) {
        if (path.startsWith("sys/")) {
            return value.strip().replace(' ', '\t') + "\n";
        }
        if (path.equals("fortune")) {
            return value.substring(0, value.length() - 1) + "\n";
        }
        if (path.startsWith("procfs_example/")) {
            return path.substring(path.indexOf('/') + 1) + " = '" + value + "'\n";
        }
        return value;
    }

    @Test
    void pwrite_atTwoToTheFortieth_reachesTheHandlerWithItsOffset() throws Exception {
        int fd = Posix.openOrFail(MOUNT.path("selftest/scratch"), Posix.O_WRONLY);
        try {
            assertEquals(3, Posix.pwrite(fd, ascii("far"), FAR).value());
        } finally {
            Posix.close(fd);
        }
        List<String> log = Files.readAllLines(MOUNT.path("selftest/write_log"));
        assertEquals(FAR + " 3 666172", log.get(log.size() - 1));
    }

    @Test
    void pwrite_whoseEndWouldOverflowTheOffset_failsWithEinvalFromTheKernel() {
        int fd = Posix.openOrFail(MOUNT.path("selftest/scratch"), Posix.O_WRONLY);
        try {
            // rw_verify_area: pos + count past LLONG_MAX is EINVAL before FUSE sees the write.
            assertEquals(Errno.EINVAL, Posix.pwrite(fd, ascii("xy"), Long.MAX_VALUE).errno());
        } finally {
            Posix.close(fd);
        }
    }

    @Test
    void contracts_coverEveryWritableFileOfTheMountedModules() throws Exception {
        Set<String> writable = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MOUNT.root())) {
            files.filter(Files::isRegularFile)
                    .filter(p -> (modeOf(p) & 0222) != 0)
                    .forEach(p -> writable.add(MOUNT.root().relativize(p).toString()));
        }
        // selftest/hang is the handler-timeout fixture, covered by FaultIsolationIT.
        writable.remove("selftest/hang");
        assertEquals(writable, new TreeSet<>(contracts().keySet()));
    }

    @Test
    void open_nameComponentLongerThan255Bytes_failsWithEnoentAsTheKernelsProcfs() {
        // stat("/proc/" + 256 letters) is ENOENT on this kernel: procfs's lookup simply finds no such name.
        assertEquals(Errno.ENOENT, Posix.open(MOUNT.path("selftest/" + "a".repeat(256)), Posix.O_RDONLY).errno());
    }

    @Test
    void open_pathLongerThanPathMax_failsWithEnametoolong() {
        String deep = "selftest/" + "abcdefgh/".repeat(460);
        assertEquals(Errno.ENAMETOOLONG, Posix.open(MOUNT.path(deep), Posix.O_RDONLY).errno());
    }

    @Test
    void open_namesWithOddBytes_failWithEnoent() {
        for (String name : List.of("selftest/\u00ff", "selftest/ver\nsion", "selftest/version ", "selftest/\u2028",
                "selftest/...", "selftest/version/..", "selftest/link/x")) {
            Errno errno = Posix.open(MOUNT.path(name), Posix.O_RDONLY).errno();
            assertTrue(errno == Errno.ENOENT || errno == Errno.ENOTDIR, name + " -> " + errno);
        }
    }

    @Test
    void cat_nameThatIsNotUtf8_failsWithEnoent() {
        Shell.Run cat = Shell.sh(MOUNT.root(), "cat \"$(printf 'selftest/\\377\\376')\"");
        assertEquals(1, cat.exitCode());
        assertTrue(cat.stderr().contains("No such file or directory"), cat.stderr());
        assertTrue(MOUNT.session().isMounted());
    }

    private static void reloadModuleOf(String path) {
        String module = switch (path.substring(0, path.indexOf('/') < 0 ? path.length() : path.indexOf('/'))) {
            case "test" -> "howto";
            case "sys" -> path.startsWith("sys/net/test/") ? "howto_sysctl" : "sysctl";
            default -> path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        };
        MOUNT.fs().unloadModule(module);
        MOUNT.fs().loadModule(module);
    }

    private static Posix.Result write(String path, Input input) {
        Posix.Result opened = Posix.open(MOUNT.path(path), Posix.O_WRONLY);
        assertTrue(!opened.failed(), "open " + path + " for writing: " + opened.errno());
        int fd = (int) opened.value();
        try {
            return input.offset() < 0 ? Posix.write(fd, input.data()) : Posix.pwrite(fd, input.data(), input.offset());
        } finally {
            Posix.close(fd);
        }
    }

    private static byte[] read(String path) {
        return Posix.readAll(MOUNT.path(path), 131072);
    }

    /**
     * One read(2) at offset 0. A string sysctl serves a read at an offset from the current value, as
     * proc_dostring does, so a second read(2) may continue in a value written meanwhile, on Linux too.
     */
    private static byte[] readOnce(String path) {
        int fd = Posix.openOrFail(MOUNT.path(path), Posix.O_RDONLY);
        try {
            byte[] buffer = new byte[4096];
            Posix.Result n = Posix.pread(fd, buffer, buffer.length, 0);
            assertTrue(!n.failed(), path + ": " + n.errno());
            return Arrays.copyOf(buffer, (int) n.value());
        } finally {
            Posix.close(fd);
        }
    }

    private static int modeOf(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] replaceFirstValue(byte[] before, String value) {
        String text = new String(before, StandardCharsets.US_ASCII);
        int end = text.indexOf('\t') >= 0 ? text.indexOf('\t') : text.indexOf('\n');
        return ascii(value + text.substring(end));
    }

    private static byte[] cString(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
