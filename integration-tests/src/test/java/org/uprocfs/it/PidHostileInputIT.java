package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.mount.session.MountOptions;

/**
 * The writable files of a simulated /proc/PID and /proc/PID/task/TID under hostile input, and another
 * user's reads of a simulated process, through a real mount and real syscalls.
 *
 * <p>Every expectation was first tried on this machine's real /proc (kernel 6.18) against a {@code sleep}
 * started for the purpose, as root and as {@link OtherUser}; where uprocfs answers differently because of
 * what FUSE lets a daemon see, or by a documented choice, the comment says what the kernel answers. Three such
 * differences recur:
 * <ul>
 * <li>a 0-byte write(2) never reaches a FUSE daemon: it returns 0 and changes nothing (the kernel hands it
 * to the handler: EINVAL for the numeric files, EPERM for loginuid, an empty name for comm);
 * <li>comm, sched and timerslack_ns are seq files, whose pwrite(2) the kernel refuses with ESPIPE
 * ({@code seq_open} drops FMODE_PWRITE); a FUSE daemon cannot tell a pwrite from a write(2) at an advanced
 * position, so the write is taken;
 * <li>no real caller is a simulated task, so root stands in for the task itself where only the task may
 * write (comm, as if written from its own thread group) and holds every capability (this sandbox's root
 * lacks CAP_SYS_RESOURCE, so lowering oom_score_adj gives it EACCES on the real /proc; with the capability
 * the kernel takes the value).
 * </ul>
 */
class PidHostileInputIT {
    private static final int MIB = 1 << 20;
    /** pwrite at 2^40: far past anything, still below the FUSE file size limit. */
    private static final long FAR = 1L << 40;

    @BeforeAll
    static void createUser() {
        OtherUser.ensureExists();
    }

    /** One hostile write: its bytes and the offset it is written at (-1 for a plain write(2)). */
    record Input(String name, byte[] data, long offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a write gets: its count or errno, and what the file it changes reads afterwards. */
    record Outcome(long count, Errno errno, byte[] after) {
        static Outcome took(long count, String after) {
            return new Outcome(count, null, ascii(after));
        }

        static Outcome took(long count, byte[] after) {
            return new Outcome(count, null, after);
        }

        static Outcome refused(Errno errno, String unchanged) {
            return new Outcome(-1, errno, ascii(unchanged));
        }
    }

    static final Input EMPTY = new Input("0 bytes", new byte[0], -1);
    static final Input BIG = new Input("1 MiB of '1' and spaces", big(), -1);
    static final Input GARBAGE = new Input("4 KiB of binary garbage", garbage(), -1);
    static final Input NULS = new Input("NUL bytes", new byte[] {0, 0, 0, 0}, -1);
    static final Input BAD_UTF8 = new Input("invalid UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28,
        '\n'}, -1);
    static final Input DIGITS = new Input("100 digits", ascii("9".repeat(100)), -1);
    static final Input MINUS_ZERO = new Input("negative zero", ascii("-0"), -1);
    static final Input CR_LF = new Input("CR LF", ascii("1\r\n"), -1);
    static final Input PWRITE = new Input("pwrite at 2^40", ascii("1\n"), FAR);
    static final Input TOO_HIGH = new Input("1001", ascii("1001"), -1);
    static final Input TOO_LOW = new Input("-1001", ascii("-1001"), -1);
    static final Input FIFTEEN = new Input("15", ascii("15"), -1);
    static final Input SIXTEEN = new Input("16", ascii("16"), -1);
    static final Input MINUS_17 = new Input("-17", ascii("-17"), -1);
    static final Input MINUS_18 = new Input("-18", ascii("-18"), -1);
    static final Input SPACE = new Input("leading space", ascii(" 5"), -1);
    static final Input HEX = new Input("0x10", ascii("0x10"), -1);
    static final Input TWO_TO_64 = new Input("2^64", ascii("18446744073709551616"), -1);
    static final Input TWO_NEWLINES = new Input("two newlines", ascii("5\n\n"), -1);
    static final Input JUNK_AFTER = new Input("number then junk", ascii("7 x"), -1);

    static List<Input> inputs() {
        return List.of(EMPTY, BIG, GARBAGE, NULS, BAD_UTF8, DIGITS, MINUS_ZERO, CR_LF, PWRITE, TOO_HIGH, TOO_LOW,
                FIFTEEN, SIXTEEN, MINUS_17, MINUS_18, SPACE, HEX, TWO_TO_64, TWO_NEWLINES, JUNK_AFTER);
    }

    private static byte[] big() {
        byte[] big = new byte[MIB];
        Arrays.fill(big, (byte) ' ');
        big[0] = '1';
        return big;
    }

    private static byte[] garbage() {
        byte[] garbage = new byte[4096];
        new Random(20240301).nextBytes(garbage);
        // Leading 0xA5: no number, no whitespace, not UTF-8.
        garbage[0] = (byte) 0xA5;
        return garbage;
    }

    /**
     * A per-pid file's contract for root: the value it is reset to before each case (written to
     * {@code resetFile}), the file read back, and the kernel's answer to each input.
     */
    record Contract(String resetFile, String reset, String readBack, Map<Input, Outcome> answers) {
    }

    /** oom_score_adj_write: 12 bytes, strstrip, kstrtoint base 0, -1000..1000; the offset is ignored. */
    static Map<Input, Outcome> oomScoreAdj() {
        Map<Input, Outcome> a = new LinkedHashMap<>();
        a.put(EMPTY, Outcome.took(0, "0\n")); // kernel: EINVAL
        a.put(BIG, Outcome.took(12, "1\n")); // a short count: only 12 bytes are looked at
        a.put(GARBAGE, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(NULS, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(BAD_UTF8, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(DIGITS, Outcome.refused(Errno.ERANGE, "0\n"));
        a.put(MINUS_ZERO, Outcome.took(2, "0\n"));
        a.put(CR_LF, Outcome.took(3, "1\n"));
        a.put(PWRITE, Outcome.took(2, "1\n"));
        a.put(TOO_HIGH, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(TOO_LOW, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(FIFTEEN, Outcome.took(2, "15\n"));
        a.put(SIXTEEN, Outcome.took(2, "16\n"));
        a.put(MINUS_17, Outcome.took(3, "-17\n")); // CAP_SYS_RESOURCE
        a.put(MINUS_18, Outcome.took(3, "-18\n")); // CAP_SYS_RESOURCE
        a.put(SPACE, Outcome.took(2, "5\n"));
        a.put(HEX, Outcome.took(4, "16\n"));
        a.put(TWO_TO_64, Outcome.refused(Errno.ERANGE, "0\n"));
        a.put(TWO_NEWLINES, Outcome.took(3, "5\n"));
        a.put(JUNK_AFTER, Outcome.refused(Errno.EINVAL, "0\n"));
        return a;
    }

    /** oom_adj_write: the same parsing, -17..15, scaled onto oom_score_adj (read back there: 1 is 58). */
    static Map<Input, Outcome> oomAdj() {
        Map<Input, Outcome> a = new LinkedHashMap<>();
        a.put(EMPTY, Outcome.took(0, "0\n")); // kernel: EINVAL
        a.put(BIG, Outcome.took(12, "58\n"));
        a.put(GARBAGE, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(NULS, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(BAD_UTF8, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(DIGITS, Outcome.refused(Errno.ERANGE, "0\n"));
        a.put(MINUS_ZERO, Outcome.took(2, "0\n"));
        a.put(CR_LF, Outcome.took(3, "58\n"));
        a.put(PWRITE, Outcome.took(2, "58\n"));
        a.put(TOO_HIGH, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(TOO_LOW, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(FIFTEEN, Outcome.took(2, "1000\n"));
        a.put(SIXTEEN, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(MINUS_17, Outcome.took(3, "-1000\n")); // OOM_DISABLE, CAP_SYS_RESOURCE
        a.put(MINUS_18, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(SPACE, Outcome.took(2, "294\n"));
        a.put(HEX, Outcome.refused(Errno.EINVAL, "0\n"));
        a.put(TWO_TO_64, Outcome.refused(Errno.ERANGE, "0\n"));
        a.put(TWO_NEWLINES, Outcome.took(3, "294\n"));
        a.put(JUNK_AFTER, Outcome.refused(Errno.EINVAL, "0\n"));
        return a;
    }

    /** timerslack_ns_write: kstrtoull base 10 of 66 bytes, no stripping, one trailing newline; CAP_SYS_NICE. */
    static Map<Input, Outcome> timerslackNs() {
        Map<Input, Outcome> a = new LinkedHashMap<>();
        String unchanged = "50000\n";
        a.put(EMPTY, Outcome.took(0, unchanged)); // kernel: EINVAL
        a.put(BIG, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(GARBAGE, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(NULS, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(BAD_UTF8, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(DIGITS, Outcome.refused(Errno.ERANGE, unchanged));
        a.put(MINUS_ZERO, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(CR_LF, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(PWRITE, Outcome.took(2, "1\n")); // kernel: ESPIPE
        a.put(TOO_HIGH, Outcome.took(4, "1001\n"));
        a.put(TOO_LOW, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(FIFTEEN, Outcome.took(2, "15\n"));
        a.put(SIXTEEN, Outcome.took(2, "16\n"));
        a.put(MINUS_17, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(MINUS_18, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(SPACE, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(HEX, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(TWO_TO_64, Outcome.refused(Errno.ERANGE, unchanged));
        a.put(TWO_NEWLINES, Outcome.refused(Errno.EINVAL, unchanged));
        a.put(JUNK_AFTER, Outcome.refused(Errno.EINVAL, unchanged));
        return a;
    }

    /**
     * comm_write as the kernel answers the task's own thread group: 15 bytes up to the first NUL, nothing
     * stripped, the full count returned.
     */
    static Map<Input, Outcome> comm() {
        Map<Input, Outcome> a = new LinkedHashMap<>();
        for (Input in : inputs()) {
            int length = Math.min(15, in.data().length);
            for (int i = 0; i < length; i++) {
                if (in.data()[i] == 0) {
                    length = i;
                    break;
                }
            }
            a.put(in, Outcome.took(in.data().length, concat(Arrays.copyOf(in.data(), length), ascii("\n"))));
        }
        a.put(EMPTY, Outcome.took(0, "base\n")); // kernel: an empty name
        // FUSE hands the daemon 128 KiB pieces and each renames: the last piece's 15 spaces remain (kernel:
        // "1" and 14 spaces, from one call).
        a.put(BIG, Outcome.took(MIB, " ".repeat(15) + "\n"));
        a.put(PWRITE, Outcome.took(2, "1\n\n")); // kernel: ESPIPE
        return a;
    }

    /** proc_sched_write: any write is taken whole (and would clear the statistics). */
    static Map<Input, Outcome> sched() {
        Map<Input, Outcome> a = new LinkedHashMap<>();
        for (Input in : inputs()) {
            a.put(in, new Outcome(in.data().length, null, null));
        }
        return a; // PWRITE: kernel ESPIPE
    }

    /** proc_loginuid_write: only the task itself may set it, root included (EPERM before anything else). */
    static Map<Input, Outcome> loginuid(String value) {
        Map<Input, Outcome> a = new LinkedHashMap<>();
        for (Input in : inputs()) {
            a.put(in, Outcome.refused(Errno.EPERM, value));
        }
        a.put(EMPTY, Outcome.took(0, value)); // kernel: EPERM
        return a;
    }

    /** A simulated process as root sees it: its pid and a thread other than the leader when it has one. */
    record Target(int pid, int tid) {
    }

    /**
     * The first process whose status matches, by scanning MOUNT/[0-9]* /status as a client does (the
     * predicates name what only simulated processes have: uid 1000, a kernel thread's name).
     */
    static Target find(ProcMount mount, Predicate<String> status) throws IOException {
        List<Integer> pids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(mount.root())) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+"))
                    .forEach(n -> pids.add(Integer.valueOf(n)));
        }
        pids.sort(null);
        for (int pid : pids) {
            String text;
            try {
                text = Files.readString(mount.path(pid + "/status"));
            } catch (IOException gone) {
                continue;
            }
            if (status.test(text)) {
                List<String> tids = new ArrayList<>();
                try (Stream<Path> entries = Files.list(mount.path(pid + "/task"))) {
                    entries.forEach(p -> tids.add(p.getFileName().toString()));
                }
                tids.sort(null);
                int tid = tids.stream().mapToInt(Integer::parseInt).filter(t -> t != pid).findFirst().orElse(pid);
                return new Target(pid, tid);
            }
        }
        throw new AssertionError("no simulated process matches");
    }

    static Predicate<String> uidIs(int uid) {
        return status -> status.contains("\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n")
                && status.contains("\nVmRSS:");
    }

    @Nested
    class AsRoot {
        @RegisterExtension
        static final ProcMount MOUNT = ProcMount.withModules("hardware", "process");

        private static Target target;

        private static String read(String relative) {
            return readFrom(MOUNT, relative);
        }

        @BeforeAll
        static void pickTarget() throws IOException {
            // A session process of the desktop's user, long-lived and, preferably, with threads.
            target = find(MOUNT, uidIs(1000).and(s -> !s.contains("\nThreads:\t1\n")));
        }

        /** Every writable file of a pid and of one of its threads, with its contract. */
        static Map<String, Contract> contracts() {
            Map<String, Contract> all = new LinkedHashMap<>();
            String loginuid = read(target.pid() + "/loginuid");
            for (String dir : List.of(target.pid() + "/", target.pid() + "/task/" + target.tid() + "/")) {
                all.put(dir + "comm", new Contract(dir + "comm", "base", dir + "comm", comm()));
                all.put(dir + "oom_score_adj", new Contract(dir + "oom_score_adj", "0", dir + "oom_score_adj",
                        oomScoreAdj()));
                all.put(dir + "oom_adj", new Contract(dir + "oom_score_adj", "0", dir + "oom_score_adj", oomAdj()));
                all.put(dir + "sched", new Contract(null, null, dir + "sched", sched()));
                all.put(dir + "loginuid", new Contract(null, null, dir + "loginuid", loginuid(loginuid)));
            }
            all.put(target.pid() + "/timerslack_ns", new Contract(target.pid() + "/timerslack_ns", "0",
                    target.pid() + "/timerslack_ns", timerslackNs()));
            return all;
        }

        @TestFactory
        Stream<DynamicTest> write_everyHostileInputToEveryWritablePidFile_answersAsTheKernelAndKeepsTheValue() {
            List<DynamicTest> tests = new ArrayList<>();
            contracts().forEach((path, contract) -> contract.answers().forEach((input, outcome) ->
                    tests.add(DynamicTest.dynamicTest(path.replaceFirst("^[0-9]+", "PID") + ": " + input.name(),
                            () -> check(path, contract, input, outcome)))));
            return tests.stream();
        }

        private static void check(String path, Contract contract, Input input, Outcome expected) {
            if (contract.resetFile() != null) {
                Posix.Result reset = Posix.writeOnce(MOUNT.path(contract.resetFile()), contract.reset());
                assertEquals(contract.reset().length(), reset.value(), "reset " + contract.resetFile());
            }
            byte[] before = Posix.readAll(MOUNT.path(contract.readBack()), 131072);
            Posix.Result result = write(MOUNT.path(path), input);
            byte[] after = Posix.readAll(MOUNT.path(contract.readBack()), 131072);
            if (expected.errno() != null) {
                assertEquals(expected.errno(), result.errno(), "errno of " + input.name());
            } else {
                assertEquals(expected.count(), result.value(), "count of " + input.name() + " (errno "
                        + result.errno() + ")");
            }
            if (expected.after() != null) {
                assertArrayEquals(expected.after(), after, "read back after " + input.name() + ": "
                        + new String(after, StandardCharsets.ISO_8859_1));
            } else {
                // sched moves with the clock; its header line names the task and must stay.
                assertEquals(firstLine(before), firstLine(after));
            }
            assertTrue(MOUNT.session().isMounted(), "the daemon is alive");
        }

        @Test
        void write_oomScoreAdjOutOfRange_failsWithEinvalAndKeepsTheValue() {
            String path = target.pid() + "/oom_score_adj";
            assertEquals(3, Posix.writeOnce(MOUNT.path(path), "123").value());
            assertEquals(Errno.EINVAL, Posix.writeOnce(MOUNT.path(path), "1001").errno());
            assertEquals(Errno.EINVAL, Posix.writeOnce(MOUNT.path(path), "-1001").errno());
            assertEquals("123\n", read(path));
        }

        @Test
        void write_oomAdjOf16_failsWithEinvalAndKeepsTheValue() {
            assertEquals(3, Posix.writeOnce(MOUNT.path(target.pid() + "/oom_score_adj"), "123").value());
            assertEquals(Errno.EINVAL, Posix.writeOnce(MOUNT.path(target.pid() + "/oom_adj"), "16").errno());
            assertEquals("123\n", read(target.pid() + "/oom_score_adj"));
            assertEquals("2\n", read(target.pid() + "/oom_adj"));
        }

        @Test
        void write_timerslackNsWithLeadingSpace_failsWithEinvalAndKeepsTheValue() {
            String path = target.pid() + "/timerslack_ns";
            assertEquals(5, Posix.writeOnce(MOUNT.path(path), "4242\n").value());
            assertEquals(Errno.EINVAL, Posix.writeOnce(MOUNT.path(path), " 5").errno());
            assertEquals("4242\n", read(path));
            assertEquals(1, Posix.writeOnce(MOUNT.path(path), "0").value());
            assertEquals("50000\n", read(path), "0 is the default slack");
        }

        @Test
        void write_timerslackNsOfARealTimeTask_isTakenAndStaysZero() throws IOException {
            Target fifo = findKernelThread("migration/0");
            assertEquals("0\n", read(fifo.pid() + "/timerslack_ns"));
            assertEquals(4, Posix.writeOnce(MOUNT.path(fifo.pid() + "/timerslack_ns"), "1000").value());
            assertEquals("0\n", read(fifo.pid() + "/timerslack_ns"));
        }

        @Test
        void write_loginuid_failsWithEpermAndKeepsTheValue() {
            String path = target.pid() + "/loginuid";
            String before = read(path);
            assertEquals(Errno.EPERM, Posix.writeOnce(MOUNT.path(path), "0").errno());
            assertEquals(before, read(path));
        }

        @Test
        void write_threadComm_renamesOnlyThatThread() {
            String leader = read(target.pid() + "/comm");
            assertNotEquals(target.pid(), target.tid(), "the target has a second thread");
            assertEquals(7, Posix.writeOnce(MOUNT.path(target.pid() + "/task/" + target.tid() + "/comm"), "worker1")
                    .value());
            assertEquals("worker1\n", read(target.pid() + "/task/" + target.tid() + "/comm"));
            assertEquals(leader, read(target.pid() + "/comm"));
        }

        @Test
        void contracts_coverEveryWritableFileOfAPidAndItsThread() throws IOException {
            Set<String> writable = new TreeSet<>();
            for (String dir : List.of(target.pid() + "", target.pid() + "/task/" + target.tid())) {
                try (Stream<Path> files = Files.list(MOUNT.path(dir))) {
                    files.filter(Files::isRegularFile).filter(p -> (modeOf(p) & 0222) != 0)
                            .forEach(p -> writable.add(MOUNT.root().relativize(p).toString()));
                }
            }
            assertEquals(writable, new TreeSet<>(contracts().keySet()));
        }

        private static Target findKernelThread(String comm) throws IOException {
            return find(MOUNT, status -> status.startsWith("Name:\t" + comm + "\n"));
        }
    }

    @Nested
    class AsAnotherUserWithAllowOther {
        @RegisterExtension
        static final ProcMount MOUNT = ProcMount.withModules("hardware", "process")
                .options(new MountOptions(true, true, false));

        /** A process of the desktop's user (uid 1000), not the reader's (uid of {@link OtherUser}). */
        private static Target stranger;
        /** A process of init's, owned by root. */
        private static final int INIT = 1;
        private static Path inputs;

        private static String read(String relative) {
            return readFrom(MOUNT, relative);
        }

        @BeforeAll
        static void prepare() throws IOException {
            stranger = find(MOUNT, uidIs(1000));
            inputs = Files.createTempDirectory("uprocfs-pid-inputs-");
            Files.setPosixFilePermissions(inputs, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Input input : inputs()) {
                Path file = inputs.resolve(fileName(input));
                Files.write(file, input.data());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        @AfterAll
        static void removeInputs() throws IOException {
            if (inputs != null) {
                try (Stream<Path> files = Files.list(inputs)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(inputs);
            }
        }

        private static String fileName(Input input) {
            return input.name().replaceAll("[^A-Za-z0-9]+", "-");
        }

        /** One write(2) of the input's bytes as the other user (dd with one block), at its offset if any. */
        private static Shell.Run writeAsOther(String path, Input input) {
            String seek = input.offset() < 0 ? "" : " seek=" + input.offset() + " oflag=seek_bytes";
            return OtherUser.sh(MOUNT.root(), "dd if=" + inputs.resolve(fileName(input)) + " of=" + path
                    + " bs=4M count=1 conv=notrunc status=none" + seek);
        }

        @TestFactory
        Stream<DynamicTest> write_anotherUsersProcessFiles_failsWithEaccesAtOpenAndKeepsTheValue() {
            List<DynamicTest> tests = new ArrayList<>();
            String pid = Integer.toString(stranger.pid());
            for (String dir : List.of(pid + "/", pid + "/task/" + stranger.tid() + "/")) {
                for (String name : List.of("comm", "oom_score_adj", "oom_adj", "sched", "loginuid")) {
                    for (Input input : List.of(GARBAGE, FIFTEEN, MINUS_18)) {
                        String path = dir + name;
                        tests.add(DynamicTest.dynamicTest(path.replaceFirst("^[0-9]+", "PID") + ": " + input.name(),
                                () -> {
                                    String before = firstLine(read(path));
                                    Shell.Run dd = writeAsOther(path, input);
                                    assertNotEquals(0, dd.exitCode());
                                    assertTrue(dd.stderr().contains("failed to open")
                                            && dd.stderr().contains("Permission denied"), dd.stderr());
                                    assertEquals(before, firstLine(read(path)));
                                    assertTrue(MOUNT.session().isMounted());
                                }));
                    }
                }
            }
            return tests.stream();
        }

        /**
         * timerslack_ns is 0666: the open succeeds, the number is parsed first (EINVAL, ERANGE), then
         * changing another task's slack needs CAP_SYS_NICE (EPERM), as on the real /proc for a root process.
         */
        @TestFactory
        Stream<DynamicTest> write_timerslackNsOfAnotherUsersProcess_failsAsTheKernelAndKeepsTheValue() {
            Map<Input, String> answers = new LinkedHashMap<>();
            for (Input input : inputs()) {
                Outcome root = timerslackNs().get(input);
                // What the kernel parses takes EPERM; what it cannot parse keeps its errno.
                answers.put(input, root.errno() == null ? "Operation not permitted" : message(root.errno()));
            }
            // dd makes no write(2) for an empty input, so the 0-byte case is the root table's.
            answers.remove(EMPTY);
            // dd seeks (lseek) and then writes: the kernel's timerslack_ns_write ignores the position: EPERM.
            answers.put(PWRITE, "Operation not permitted");
            String path = stranger.pid() + "/timerslack_ns";
            List<DynamicTest> tests = new ArrayList<>();
            answers.forEach((input, message) -> tests.add(DynamicTest.dynamicTest("PID/timerslack_ns: "
                    + input.name(), () -> {
                        Shell.Run dd = writeAsOther(path, input);
                        assertNotEquals(0, dd.exitCode());
                        assertTrue(dd.stderr().contains("error writing") && dd.stderr().contains(message),
                                dd.stderr());
                        assertEquals("50000\n", read(path));
                        assertTrue(MOUNT.session().isMounted());
                    })));
            return tests.stream();
        }

        @Test
        void read_timerslackNsOfAnotherUsersProcess_failsWithEperm() {
            Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat " + stranger.pid() + "/timerslack_ns");
            assertNotEquals(0, cat.exitCode());
            assertTrue(cat.stderr().contains("Operation not permitted"), cat.stderr());
            assertEquals("", cat.stdout());
        }

        @Test
        void open_privateFilesOfAnotherUsersProcess_failsWithEacces() {
            for (int pid : List.of(stranger.pid(), INIT)) {
                for (String name : List.of("environ", "auxv", "maps", "smaps", "smaps_rollup", "io", "stack",
                        "syscall", "personality", "mountstats", "task/" + pid + "/environ", "task/" + pid + "/maps",
                        "task/" + pid + "/io")) {
                    // The shell's own open(2), so the errno is the open's and not a read's.
                    Shell.Run open = OtherUser.sh(MOUNT.root(), ": < " + pid + "/" + name);
                    assertNotEquals(0, open.exitCode(), pid + "/" + name);
                    assertTrue(open.stderr().contains("cannot open") && open.stderr().contains("Permission denied"),
                            pid + "/" + name + ": " + open.stderr());
                }
            }
        }

        @Test
        void readlink_linksOfAnotherUsersProcess_failsWithEacces() throws IOException {
            String pid = Integer.toString(stranger.pid());
            List<String> fds;
            try (Stream<Path> entries = Files.list(MOUNT.path(pid + "/fd"))) {
                fds = entries.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertTrue(!fds.isEmpty(), "root lists the process's fds");
            List<String> links = new ArrayList<>(List.of("cwd", "root", "exe", "fd/" + fds.get(0),
                    "task/" + stranger.tid() + "/cwd", "task/" + stranger.tid() + "/exe"));
            for (String ns : List.of("cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts")) {
                links.add("ns/" + ns);
            }
            for (String link : links) {
                assertTrue(!Files.readSymbolicLink(MOUNT.path(pid + "/" + link)).toString().isEmpty(),
                        "root reads " + link);
                Shell.Run readlink = OtherUser.sh(MOUNT.root(), "readlink -v " + pid + "/" + link);
                assertNotEquals(0, readlink.exitCode(), link + ": " + readlink.stdout());
                assertTrue(readlink.stderr().contains("Permission denied"), link + ": " + readlink.stderr());
            }
        }

        @Test
        void list_fdAndFdinfoOfAnotherUsersProcess_failsWithEacces() {
            for (String dir : List.of("fd", "fdinfo", "ns", "task/" + stranger.tid() + "/fd")) {
                Shell.Run ls = OtherUser.sh(MOUNT.root(), "ls " + stranger.pid() + "/" + dir);
                assertNotEquals(0, ls.exitCode(), dir + ": " + ls.stdout());
                assertTrue(ls.stderr().contains("Permission denied"), dir + ": " + ls.stderr());
            }
        }

        @Test
        void read_publicFilesOfAnotherUsersProcess_succeeds() {
            for (String name : List.of("stat", "status", "cmdline", "statm", "comm", "limits", "cgroup",
                    "task/" + stranger.tid() + "/stat", "task/" + stranger.tid() + "/status")) {
                Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat " + stranger.pid() + "/" + name);
                assertEquals(0, cat.exitCode(), name + ": " + cat.stderr());
                assertTrue(!cat.stdout().isEmpty(), name + " is not empty");
            }
        }

        /** The uid of the profile's services (a JVM, a worker) and a group that is not theirs. */
        private static final int SERVICE_UID = 999;
        private static final int OTHER_GID = 4321;

        /**
         * A simulated process of the reader's uid but another gid: the files are the reader's by mode,
         * ptrace_may_access still says no. The answers are the real /proc's for a {@code sleep} run as uid
         * 999 gid 0 and read as uid 999 with another gid.
         */
        private static Target sameUidOtherGid() throws IOException {
            return find(MOUNT, uidIs(SERVICE_UID).and(s -> s.contains("\nGid:\t999\t")));
        }

        private static Shell.Run asServiceUid(String script) {
            return OtherUser.shAs(SERVICE_UID, OTHER_GID, MOUNT.root(), script);
        }

        /** Opens on fd 3 first, so a failing open and a failing read say which they are. */
        private static Shell.Run openThenRead(String path) {
            return asServiceUid("(exec 3< " + path + " && cat <&3 >/dev/null)");
        }

        @Test
        void read_privateFilesOfAProcessOfTheReadersUidAndAnotherGid_failsWhereTheKernelFails()
                throws IOException {
            Target own = sameUidOtherGid();
            Map<String, String> answers = new LinkedHashMap<>();
            for (String name : List.of("environ", "auxv", "maps", "smaps", "smaps_rollup", "fdinfo/0")) {
                answers.put(name, "cannot open|Permission denied"); // proc_mem_open, proc_fdinfo_permission
            }
            answers.put("io", "cat|Permission denied"); // do_io_accounting, at read
            answers.put("stack", "cat|Permission denied"); // root only, at read
            answers.put("syscall", "cat|Operation not permitted"); // lock_trace, at read
            answers.put("personality", "cat|Operation not permitted");
            answers.put("timerslack_ns", "cat|Operation not permitted"); // CAP_SYS_NICE, at read
            for (String name : List.of("mountstats", "wchan", "stat", "status")) {
                answers.put(name, "");
            }
            answers.forEach((name, expected) -> {
                Shell.Run run = openThenRead(own.pid() + "/" + name);
                if (expected.isEmpty()) {
                    assertEquals(0, run.exitCode(), name + ": " + run.stderr());
                } else {
                    assertNotEquals(0, run.exitCode(), name);
                    String[] parts = expected.split("\\|");
                    assertTrue(run.stderr().contains(parts[0]) && run.stderr().contains(parts[1]),
                            name + " should fail with " + expected + ": " + run.stderr());
                }
            });
            Shell.Run ls = asServiceUid("ls " + own.pid() + "/fd && ls " + own.pid() + "/ns");
            assertEquals(0, ls.exitCode(), "fd/ (0500) and ns/ (0511) are the owner's: " + ls.stderr());
            Shell.Run fdinfo = asServiceUid("ls " + own.pid() + "/fdinfo");
            assertTrue(fdinfo.stderr().contains("cannot open directory") && fdinfo.stderr().contains("Permission denied"),
                    fdinfo.stderr());
            Shell.Run cwd = asServiceUid("readlink -v " + own.pid() + "/cwd");
            assertTrue(cwd.stderr().contains("Permission denied"), cwd.stderr());
            Shell.Run stat = asServiceUid("cat " + own.pid() + "/stat");
            assertEquals(List.of("1", "1", "0", "0", "0"), Arrays.asList(statFields(stat.stdout())).subList(25, 30));
        }

        @Test
        void write_filesOfAProcessOfTheReadersUidAndAnotherGid_answersAsTheKernel() throws IOException {
            Target own = sameUidOtherGid();
            String pid = Integer.toString(own.pid());
            assertEquals("0\n", read(pid + "/oom_score_adj"));
            // comm_write: another thread group, EINVAL for any input.
            assertWriteFails(pid + "/comm", "renamed", "Invalid argument");
            // __set_oom_adj: raising is the owner's right, lowering below the floor needs CAP_SYS_RESOURCE.
            assertWriteFails(pid + "/oom_score_adj", "-5", "Permission denied");
            assertWriteFails(pid + "/oom_score_adj", "x", "Invalid argument");
            assertWriteFails(pid + "/oom_score_adj", "1001", "Invalid argument");
            assertEquals("0\n", read(pid + "/oom_score_adj"));
            assertEquals(0, writeText(pid + "/oom_score_adj", "5").exitCode());
            assertEquals("5\n", read(pid + "/oom_score_adj"));
            // oom_adj: the legacy check is against the current value: -5 would lower it.
            assertWriteFails(pid + "/oom_adj", "-5", "Permission denied");
            assertEquals(0, writeText(pid + "/oom_adj", "5").exitCode());
            assertEquals("294\n", read(pid + "/oom_score_adj"));
            assertEquals(0, writeText(pid + "/sched", "x").exitCode());
            assertWriteFails(pid + "/loginuid", "1000", "Operation not permitted");
            assertWriteFails(pid + "/timerslack_ns", "5", "Operation not permitted");
            assertWriteFails(pid + "/timerslack_ns", "-5", "Invalid argument");
            assertEquals("50000\n", read(pid + "/timerslack_ns"));
            assertTrue(read(pid + "/comm").length() > 1 && !read(pid + "/comm").equals("renamed\n"));
            assertTrue(MOUNT.session().isMounted());
        }

        private static Shell.Run writeText(String path, String text) {
            return asServiceUid("env printf '%s' '" + text + "' > " + path);
        }

        private static void assertWriteFails(String path, String text, String message) {
            Shell.Run run = writeText(path, text);
            assertNotEquals(0, run.exitCode(), path + " <- " + text);
            assertTrue(run.stderr().contains("write error") && run.stderr().contains(message),
                    path + " <- " + text + ": " + run.stderr());
        }

        @Test
        void read_statOfAnotherUsersProcess_redactsTheAddressFieldsAsTheKernel() {
            for (String path : List.of(stranger.pid() + "/stat", stranger.pid() + "/task/" + stranger.tid() + "/stat")) {
                Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat " + path);
                assertEquals(0, cat.exitCode(), cat.stderr());
                String[] other = statFields(cat.stdout());
                String[] root = statFields(read(path));
                assertEquals(52, other.length);
                // Fields 26-30: startcode and endcode 1, startstack, kstkesp, kstkeip 0.
                assertEquals(List.of("1", "1", "0", "0", "0"), Arrays.asList(other).subList(25, 30), path);
                // Fields 45-52: start_data .. env_end and exit_code 0.
                assertEquals(List.of("0", "0", "0", "0", "0", "0", "0", "0"), Arrays.asList(other).subList(44, 52),
                        path);
                // Root sees the real addresses, so the redaction is the reader's.
                assertNotEquals("1", root[25], "root's startcode");
                assertNotEquals("0", root[44], "root's start_data");
                assertEquals(Arrays.asList(root).subList(0, 13), Arrays.asList(other).subList(0, 13));
            }
        }
    }

    private static Posix.Result write(Path path, Input input) {
        Posix.Result opened = Posix.open(path, Posix.O_WRONLY);
        assertTrue(!opened.failed(), "open " + path + " for writing: " + opened.errno());
        int fd = (int) opened.value();
        try {
            return input.offset() < 0 ? Posix.write(fd, input.data()) : Posix.pwrite(fd, input.data(), input.offset());
        } finally {
            Posix.close(fd);
        }
    }

    /** What root reads from a file of a mount, byte for byte. */
    private static String readFrom(ProcMount mount, String relative) {
        return new String(Posix.readAll(mount.path(relative), 131072), StandardCharsets.ISO_8859_1);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String firstLine(byte[] text) {
        return firstLine(new String(text, StandardCharsets.ISO_8859_1));
    }

    private static String[] statFields(String stat) {
        // Split as every client does: after the last ')', so a comm with spaces stays whole.
        int close = stat.lastIndexOf(')');
        String[] rest = stat.substring(close + 2).trim().split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = stat.substring(0, stat.indexOf(' '));
        fields[1] = stat.substring(stat.indexOf('(') + 1, close);
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    private static String message(Errno errno) {
        return switch (errno) {
            case EINVAL -> "Invalid argument";
            case ERANGE -> "Numerical result out of range";
            case EPERM -> "Operation not permitted";
            case EACCES -> "Permission denied";
            default -> throw new AssertionError(errno.toString());
        };
    }

    private static int modeOf(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
