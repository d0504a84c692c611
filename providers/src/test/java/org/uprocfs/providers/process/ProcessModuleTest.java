package org.uprocfs.providers.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.providers.support.ProcFsDriver.assertErrno;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.io.ReadSink;
import org.uprocfs.providers.support.ProcFsDriver;

/** /proc/[pid] of the simulated machine through the engine, with a frozen clock and a fixed seed. */
class ProcessModuleTest {
    private static final Caller STRANGER = new Caller(4321, 4321, 777);

    private final ProcFsDriver proc = ProcFsDriver.start("process", ProcessModule::new, Map.of("seed", "42"));

    @AfterEach
    void close() {
        proc.close();
    }

    private List<Integer> pids() {
        return proc.fs().list("/").stream().filter(n -> n.matches("\\d+")).map(Integer::valueOf).toList();
    }

    private static String[] statFields(String stat) {
        // Split as every client does: after the last ')', so a comm with spaces or ')' stays whole.
        int close = stat.lastIndexOf(')');
        String[] rest = stat.substring(close + 2).trim().split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = stat.substring(0, stat.indexOf(' '));
        fields[1] = stat.substring(stat.indexOf('(') + 1, close);
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }

    /** A dumpable process of the user: its private files are its own (task_dump_owner), not root's. */
    private int firstPidOfUid(int uid) {
        for (int pid : pids()) {
            if (proc.fs().stat("/" + pid).uid() == uid && proc.fs().stat("/" + pid + "/environ").uid() == uid) {
                return pid;
            }
        }
        throw new AssertionError("no process of uid " + uid);
    }

    @Test
    void list_root_putsSelfAndThreadSelfAfterTheFixedEntriesThenPidsAscending() {
        List<String> names = proc.fs().list("/");
        int self = names.indexOf("self");
        assertEquals("thread-self", names.get(self + 1));
        assertEquals("1", names.get(self + 2));
        assertEquals("2", names.get(self + 3));
        List<Integer> pids = pids();
        assertEquals(pids.stream().sorted().toList(), pids);
        assertTrue(pids.size() >= 100, "the desktop runs about 100-150 processes: " + pids.size());
    }

    @Test
    void stat_ofInit_hasFiftyTwoFieldsAndNoParent() {
        String[] stat = statFields(proc.cat("/1/stat"));
        assertEquals(52, stat.length);
        assertEquals("1", stat[0]);
        assertEquals("0", stat[3]);
    }

    @Test
    void kernelThread_hasNoExeAnEmptyCmdlineAndRootOwner() {
        assertErrno(Errno.ENOENT, () -> proc.fs().readlink("/2/exe"));
        // It shares init's fs: /proc/2/cwd and root read "/" on 6.18.
        assertEquals("/", proc.fs().readlink("/2/cwd"));
        assertEquals("/", proc.fs().readlink("/2/root"));
        assertEquals("", proc.cat("/2/cmdline"));
        assertEquals(0, proc.fs().stat("/2").uid());
        assertTrue(proc.cat("/2/status").contains("\nKthread:\t1\n"));
    }

    @Test
    void userProcess_directoryIsOwnedByItsEuidAndItsStatusSaysSo() {
        int pid = firstPidOfUid(1000);
        assertTrue(proc.cat("/" + pid + "/status").contains("\nUid:\t1000\t1000\t1000\t1000\n"));
    }

    @Test
    void environ_ofAnotherUsersProcess_failsWithEaccesAtOpen() {
        int pid = firstPidOfUid(1000);
        assertErrno(Errno.EACCES, () -> proc.fs().open("/" + pid + "/environ", OpenRequest.O_RDONLY, STRANGER));
        String gid = proc.cat("/" + pid + "/status").lines().filter(l -> l.startsWith("Gid:")).findFirst()
                .orElseThrow().split("\t")[1];
        long owner = proc.fs().open("/" + pid + "/environ", OpenRequest.O_RDONLY,
                new Caller(1000, Integer.parseInt(gid), 999));
        proc.fs().release(owner);
    }

    @Test
    void fdLink_ofAnotherUsersProcess_failsWithEaccesOnTheWayThrough0500() {
        int pid = firstPidOfUid(1000);
        String fd = proc.fs().list("/" + pid + "/fd").get(0);
        assertErrno(Errno.EACCES, () -> proc.fs().readlink("/" + pid + "/fd/" + fd, STRANGER));
        assertFalse(proc.fs().readlink("/" + pid + "/fd/" + fd).isEmpty());
    }

    /** The owner's uid with another gid: the 0400 files open, ptrace_may_access still says no. */
    private Caller ownerWithAnotherGid(int pid) {
        return new Caller(1000, 4321, 999);
    }

    private Caller owner(int pid) {
        String gid = proc.cat("/" + pid + "/status").lines().filter(l -> l.startsWith("Gid:")).findFirst()
                .orElseThrow().split("\t")[1];
        return new Caller(1000, Integer.parseInt(gid), 999);
    }

    private Errno readErrno(String path, Caller caller) {
        long handle = proc.fs().open(path, OpenRequest.O_RDONLY, caller);
        try {
            proc.readAt(handle, 0, 4096);
            return null;
        } catch (org.uprocfs.core.api.ProcException e) {
            return e.errno();
        } finally {
            proc.fs().release(handle);
        }
    }

    @Test
    void ioSyscallPersonality_ofAnOwnerWhoMayNotTrace_openAndFailAtReadAsTheKernel() {
        int pid = firstPidOfUid(1000);
        Caller reader = ownerWithAnotherGid(pid);
        assertEquals(Errno.EACCES, readErrno("/" + pid + "/io", reader));
        assertEquals(Errno.EACCES, readErrno("/" + pid + "/task/" + pid + "/io", reader));
        assertEquals(Errno.EPERM, readErrno("/" + pid + "/syscall", reader));
        assertEquals(Errno.EPERM, readErrno("/" + pid + "/personality", reader));
        assertEquals(null, readErrno("/" + pid + "/io", owner(pid)));
        assertEquals(null, readErrno("/" + pid + "/syscall", owner(pid)));
        assertEquals(null, readErrno("/" + pid + "/personality", owner(pid)));
        assertErrno(Errno.EACCES, () -> proc.fs().open("/" + pid + "/environ", OpenRequest.O_RDONLY, reader));
    }

    @Test
    void stack_readByAnyoneButRoot_failsWithEaccesEvenForTheOwner() {
        int pid = firstPidOfUid(1000);
        assertEquals(Errno.EACCES, readErrno("/" + pid + "/stack", owner(pid)));
        assertEquals(null, readErrno("/" + pid + "/stack", Caller.ROOT));
    }

    @Test
    void fdinfo_ofAnotherUsersProcess_refusesListingAndLookupWithEacces() {
        int pid = firstPidOfUid(1000);
        String fd = proc.fs().list("/" + pid + "/fdinfo").get(0);
        assertErrno(Errno.EACCES, () -> proc.fs().openDirectory("/" + pid + "/fdinfo", STRANGER));
        assertErrno(Errno.EACCES, () -> proc.fs().stat("/" + pid + "/fdinfo/" + fd, STRANGER));
        assertEquals(0555, proc.fs().stat("/" + pid + "/fdinfo", STRANGER).mode() & 07777);
        String gid = proc.cat("/" + pid + "/status").lines().filter(l -> l.startsWith("Gid:")).findFirst()
                .orElseThrow().split("\t")[1];
        Caller owner = new Caller(1000, Integer.parseInt(gid), 999);
        proc.fs().openDirectory("/" + pid + "/fdinfo", owner);
        assertTrue(proc.fs().list("/" + pid + "/fdinfo", owner).contains(fd));
    }

    @Test
    void comm_writtenByRoot_truncatesTo15BytesAndShowsInStatAndStatus() {
        proc.echo("/1/comm", "a-very-long-process-name");
        assertEquals("a-very-long-pro\n", proc.cat("/1/comm"));
        assertEquals("a-very-long-pro", statFields(proc.cat("/1/stat"))[1]);
        assertTrue(proc.cat("/1/status").startsWith("Name:\ta-very-long-pro\n"));
    }

    @Test
    void comm_writtenWithBytesThatAreNotUtf8_readsBackTheSameBytesEverywhere() {
        byte[] name = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '(', 'o', 'k', (byte) 0xe2, (byte) 0x82};
        long handle = proc.open("/1/comm", OpenRequest.O_WRONLY);
        try {
            assertEquals(name.length, proc.fs().write(handle, 0, name));
        } finally {
            proc.fs().release(handle);
        }
        assertArrayEquals(concat(name, new byte[] {'\n'}), raw("/1/comm"));
        assertArrayEquals(concat("1 (".getBytes(), name, ") ".getBytes()), Arrays.copyOf(raw("/1/stat"), name.length + 5));
        assertArrayEquals(concat("Name:\t".getBytes(), name, "\n".getBytes()),
                Arrays.copyOf(raw("/1/status"), name.length + 7));
        assertArrayEquals(concat(name, " (1, #threads: ".getBytes()), Arrays.copyOf(raw("/1/sched"), name.length + 15));
    }

    private byte[] raw(String path) {
        long handle = proc.open(path, OpenRequest.O_RDONLY);
        try {
            byte[] buffer = new byte[65536];
            int n = proc.fs().read(handle, 0, buffer.length, ReadSink.of(buffer));
            return Arrays.copyOf(buffer, n);
        } finally {
            proc.fs().release(handle);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void oomScoreAdj_outOfRange_failsWithEinvalAndKeepsTheOldValue() {
        String before = proc.cat("/1/oom_score_adj");
        assertErrno(Errno.EINVAL, () -> proc.writeOnce("/1/oom_score_adj", "1001\n"));
        assertEquals(before, proc.cat("/1/oom_score_adj"));
        proc.writeOnce("/1/oom_score_adj", "500\n");
        assertEquals("500\n", proc.cat("/1/oom_score_adj"));
        assertEquals("8\n", proc.cat("/1/oom_adj"));
    }

    @Test
    void oomAdj_written_isScaledOntoOomScoreAdjOnce() {
        proc.writeOnce("/1/oom_adj", "1");
        assertEquals("58\n", proc.cat("/1/oom_score_adj"));
        assertEquals("0\n", proc.cat("/1/oom_adj"));
        proc.writeOnce("/1/oom_adj", "15");
        assertEquals("1000\n", proc.cat("/1/oom_score_adj"));
        assertEquals("15\n", proc.cat("/1/oom_adj"));
        proc.writeOnce("/1/oom_adj", "-17");
        assertEquals("-1000\n", proc.cat("/1/oom_score_adj"));
    }

    @Test
    void threads_areListedUnderTaskOnlyAndResolveAtTheTop() {
        for (int pid : pids()) {
            List<String> tids = proc.fs().list("/" + pid + "/task");
            if (tids.size() > 1) {
                String tid = tids.get(1);
                assertEquals(tid, statFields(proc.cat("/" + pid + "/task/" + tid + "/stat"))[0]);
                assertFalse(pids().contains(Integer.valueOf(tid)));
                assertTrue(proc.cat("/" + tid + "/status").contains("\nTgid:\t" + pid + "\n"));
                return;
            }
        }
        throw new AssertionError("no multi-threaded process");
    }

    @Test
    void read_ofAProcessThatExitedWhileOpen_failsWithEsrch() {
        List<Integer> before = pids();
        int shortLived = before.get(before.size() - 1);
        long handle = proc.open("/" + shortLived + "/stat", OpenRequest.O_RDONLY);
        proc.clock().advance(Duration.ofHours(2));
        if (pids().contains(shortLived)) {
            throw new AssertionError("the newest process " + shortLived + " still runs two hours later");
        }
        assertErrno(Errno.ESRCH, () -> proc.readAt(handle, 0, 4096));
        assertErrno(Errno.ENOENT, () -> proc.fs().stat("/" + shortLived + "/stat"));
    }

    @Test
    void auxv_isPairsOfWordsEndingInAtNullWithThePageSizeTicksUidAndVdso() {
        int pid = firstPidOfUid(1000);
        long handle = proc.open("/" + pid + "/auxv", OpenRequest.O_RDONLY);
        byte[] bytes = new byte[4096];
        int n = proc.fs().read(handle, 0, bytes.length, org.uprocfs.core.io.ReadSink.of(bytes));
        proc.fs().release(handle);
        java.nio.ByteBuffer words = java.nio.ByteBuffer.wrap(bytes, 0, n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Map<Long, Long> vector = new java.util.LinkedHashMap<>();
        long type = -1;
        while (words.remaining() >= 16) {
            type = words.getLong();
            vector.put(type, words.getLong());
        }
        assertEquals(0, n % 16);
        assertEquals(0L, type, "AT_NULL ends the vector");
        assertEquals(4096L, vector.get(6L));
        assertEquals(100L, vector.get(17L));
        assertEquals(1000L, vector.get(11L));
        String vdso = proc.cat("/" + pid + "/maps").lines().filter(l -> l.endsWith("[vdso]")).findFirst().orElseThrow();
        assertEquals(Long.parseLong(vdso.substring(0, vdso.indexOf('-')), 16), vector.get(33L));
        assertEquals("", proc.cat("/2/auxv"));
    }

    @Test
    void self_andThreadSelf_nameTheCaller() {
        Caller caller = new Caller(0, 0, 4242, 4243);
        assertEquals("4242", proc.fs().readlink("/self", caller));
        assertEquals("4242/task/4243", proc.fs().readlink("/thread-self", caller));
        assertNotNull(proc.fs().stat("/self", caller));
    }

    @Test
    void timerslackNs_writtenByRoot_isStoredAndZeroMeansTheDefault() {
        int pid = firstPidOfUid(1000);
        assertEquals("50000\n", proc.cat("/" + pid + "/timerslack_ns"));
        assertEquals(2, proc.writeOnce("/" + pid + "/timerslack_ns", "7\n"));
        assertEquals("7\n", proc.cat("/" + pid + "/timerslack_ns"));
        proc.writeOnce("/" + pid + "/timerslack_ns", "0");
        assertEquals("50000\n", proc.cat("/" + pid + "/timerslack_ns"));
    }

    @Test
    void timerslackNs_junkOrAnotherUsersWrite_isRefusedAndKeepsTheValue() {
        int pid = firstPidOfUid(1000);
        String path = "/" + pid + "/timerslack_ns";
        assertErrno(Errno.EINVAL, () -> proc.writeOnce(path, " 5"));
        assertErrno(Errno.ERANGE, () -> proc.writeOnce(path, "18446744073709551616"));
        long handle = proc.fs().open(path, OpenRequest.O_WRONLY, STRANGER);
        try {
            assertErrno(Errno.EPERM, () -> proc.fs().write(handle, 0, "9".getBytes()));
            // The number is parsed before the capability is asked for.
            assertErrno(Errno.EINVAL, () -> proc.fs().write(handle, 0, "-1".getBytes()));
        } finally {
            proc.fs().release(handle);
        }
        assertEquals("50000\n", proc.cat(path));
    }

    @Test
    void timerslackNs_readByAnotherUser_failsWithEpermAtRead() {
        int pid = firstPidOfUid(1000);
        long handle = proc.fs().open("/" + pid + "/timerslack_ns", OpenRequest.O_RDONLY, STRANGER);
        try {
            assertErrno(Errno.EPERM, () -> proc.readAt(handle, 0, 4096));
        } finally {
            proc.fs().release(handle);
        }
    }

    @Test
    void timerslackNs_ofARealTimeTask_isZeroAndStaysZeroWhenWritten() {
        int pid = -1;
        for (int candidate : pids()) {
            if (statFields(proc.cat("/" + candidate + "/stat"))[40].equals("1")) {
                pid = candidate;
                break;
            }
        }
        assertTrue(pid > 0, "a SCHED_FIFO task (migration/0)");
        assertEquals("0\n", proc.cat("/" + pid + "/timerslack_ns"));
        proc.writeOnce("/" + pid + "/timerslack_ns", "1234");
        assertEquals("0\n", proc.cat("/" + pid + "/timerslack_ns"));
    }
}
