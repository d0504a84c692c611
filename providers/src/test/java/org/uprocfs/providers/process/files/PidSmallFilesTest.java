package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.PidFixtures.render;
import static org.uprocfs.providers.process.files.WriteCases.assertErrno;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;
import org.uprocfs.providers.hardware.model.MountEntry;
import org.uprocfs.providers.process.model.Namespaces;
import org.uprocfs.providers.process.model.SimProcess;

/** The one-line and few-line files, each against the kernel's exact text. */
class PidSmallFilesTest {
    private static final SimProcess JAVA = PidFixtures.java();
    private static final SimProcess KWORKER = PidFixtures.kworker();
    private static final SimProcess ZOMBIE = PidFixtures.zombie();
    private static final SimProcess WEIRD = PidFixtures.weird();

    @Test
    void statm_userProcess_isSevenPageCounts() {
        assertEquals("745 305 292 1 0 80 0\n", render(m -> PidStatm.show(m, JAVA)));
        assertEquals("34 3 1 1 0 33 0\n", render(m -> PidStatm.show(m, WEIRD)));
    }

    @Test
    void statm_noMm_isSevenZeros() {
        assertEquals("0 0 0 0 0 0 0\n", render(m -> PidStatm.show(m, KWORKER)));
        assertEquals("0 0 0 0 0 0 0\n", render(m -> PidStatm.show(m, ZOMBIE)));
    }

    @Test
    void cmdline_userProcess_isNulTerminatedArguments() {
        assertEquals("java\0-jar\0app.jar\0", render(m -> PidCmdline.showCmdline(m, JAVA)));
    }

    @Test
    void cmdline_kernelThreadAndZombie_areEmpty() {
        assertEquals("", render(m -> PidCmdline.showCmdline(m, KWORKER)));
        assertEquals("", render(m -> PidCmdline.showCmdline(m, ZOMBIE)));
    }

    @Test
    void environ_userProcess_isNulTerminatedPairs() {
        assertEquals("HOME=/home/alice\0LANG=C.UTF-8\0", render(m -> PidCmdline.showEnviron(m, JAVA)));
    }

    @Test
    void environ_noMm_isEsrch() {
        assertErrno(Errno.ESRCH, () -> render(m -> PidCmdline.showEnviron(m, ZOMBIE)));
        assertErrno(Errno.ESRCH, () -> render(m -> PidCmdline.showEnviron(m, KWORKER)));
    }

    @Test
    void comm_weirdName_isRawWithANewline() {
        assertEquals("a\\b\nc (x) y z 0\n", render(m -> PidCmdline.showComm(m, WEIRD.leader().comm())));
    }

    @Test
    void smapsRollup_noMm_isEsrch() {
        assertErrno(Errno.ESRCH, () -> render(m -> PidMaps.showSmapsRollup(m, ZOMBIE)));
        assertEquals("", render(m -> PidMaps.showMaps(m, ZOMBIE)));
        assertEquals("", render(m -> PidMaps.showSmaps(m, KWORKER)));
    }

    @Test
    void io_group_sumsTheThreads() {
        assertEquals("rchar: 10100\nwchar: 6096\nsyscr: 51\nsyscw: 12\nread_bytes: 4096\nwrite_bytes: 4096\n"
                + "cancelled_write_bytes: 0\n", render(m -> PidIo.show(m, JAVA.io())));
        assertEquals("rchar: 0\nwchar: 4096\nsyscr: 0\nsyscw: 2\nread_bytes: 0\nwrite_bytes: 4096\n"
                + "cancelled_write_bytes: 0\n", render(m -> PidIo.show(m, JAVA.thread(1241).io())));
    }

    @Test
    void cgroupAndCpuset_areTheV2Path() {
        assertEquals("0::/user.slice/user-1000.slice/session-3.scope\n", render(m -> PidCgroup.showCgroup(m, JAVA)));
        assertEquals("/user.slice/user-1000.slice/session-3.scope\n", render(m -> PidCgroup.showCpuset(m, JAVA)));
    }

    @Test
    void schedstat_isRunWaitAndSlices() {
        assertEquals("1500000000 20000000 520\n", render(m -> PidSched.showSchedstat(m, JAVA.leader())));
    }

    @Test
    void sched_workqueueWorker_showsTheRawCommWithoutNumaScanSeq() {
        String sched = render(m -> PidSched.showSched(m, KWORKER, KWORKER.leader(), 400_000_000_000L, 2));
        assertEquals("kworker/1:2 (57, #threads: 1)", sched.lines().findFirst().orElseThrow());
        assertEquals(0, sched.lines().filter(l -> l.startsWith("mm->")).count());
        assertEquals(27, sched.lines().count());
    }

    @Test
    void wchan_sleeping_isTheSymbolWithoutNewline() {
        assertEquals("futex_wait_queue", render(m -> PidValues.showWchan(m, JAVA.leader(), true)));
        assertEquals("worker_thread", render(m -> PidValues.showWchan(m, KWORKER.leader(), true)));
    }

    @Test
    void wchan_runningZombieOrDenied_isZero() {
        assertEquals("0", render(m -> PidValues.showWchan(m, JAVA.thread(1240), true)));
        assertEquals("0", render(m -> PidValues.showWchan(m, ZOMBIE.leader(), true)));
        assertEquals("0", render(m -> PidValues.showWchan(m, JAVA.leader(), false)));
    }

    @Test
    void oomFiles_haveTheirFormats() {
        assertEquals("668\n", render(m -> PidValues.showOomScore(m, JAVA)));
        assertEquals("0\n", render(m -> PidValues.showOomAdj(m, JAVA)));
        assertEquals("-500\n", render(m -> PidValues.showOomScoreAdj(m, WEIRD)));
        assertEquals("-8\n", render(m -> PidValues.showOomAdj(m, WEIRD)));
    }

    @Test
    void loginuidAndSessionid_haveNoNewline() {
        assertEquals("1000", render(m -> PidValues.showLoginuid(m, JAVA)));
        assertEquals("3", render(m -> PidValues.showSessionid(m, JAVA)));
        assertEquals("4294967295", render(m -> PidValues.showLoginuid(m, KWORKER)));
        assertEquals("4294967295", render(m -> PidValues.showSessionid(m, KWORKER)));
    }

    @Test
    void personalityTimerslackAndAttr_haveTheirFormats() {
        assertEquals("00000000\n", render(m -> PidValues.showPersonality(m, 0)));
        assertEquals("00400000\n", render(m -> PidValues.showPersonality(m, 0x0400000)));
        assertEquals("50000\n", render(m -> PidValues.showTimerslackNs(m, JAVA)));
        assertEquals("unconfined\n", render(m -> PidValues.showAttrCurrent(m, "unconfined")));
    }

    @Test
    void syscall_running_isRunning() {
        assertEquals("running\n", render(m -> PidSyscall.showSyscall(m, JAVA, JAVA.thread(1240))));
    }

    @Test
    void syscall_zombie_isMinusOneAndTwoZeroRegisters() {
        assertEquals("-1 0x0 0x0\n", render(m -> PidSyscall.showSyscall(m, ZOMBIE, ZOMBIE.leader())));
    }

    @Test
    void syscall_kernelThread_isZeroedRegisters() {
        assertEquals("0 0x0 0x0 0x0 0x0 0x0 0x0 0x0 0x0\n",
                render(m -> PidSyscall.showSyscall(m, KWORKER, KWORKER.leader())));
    }

    @Test
    void syscall_sleepingInFutex_isNumberSixArgumentsSpAndPc() {
        String line = render(m -> PidSyscall.showSyscall(m, JAVA, JAVA.leader()));
        String[] fields = line.trim().split(" ");
        assertEquals(9, fields.length, line);
        assertEquals("202", fields[0]);
        for (int i = 1; i < fields.length; i++) {
            assertEquals("0x", fields[i].substring(0, 2), line);
        }
        assertEquals("0x7ffd4a1e2950", fields[7]);
        assertEquals("0x7f1c2a0392ad", fields[8]);
    }

    @Test
    void stack_sleepers_endInTheirEntryFrames() {
        assertEquals("[<0>] worker_thread+0x98/0x310\n[<0>] kthread+0xfa/0x240\n[<0>] ret_from_fork+0x166/0x190\n"
                + "[<0>] ret_from_fork_asm+0x1a/0x30\n", render(m -> PidSyscall.showStack(m, KWORKER, KWORKER.leader())));
        List<String> user = render(m -> PidSyscall.showStack(m, JAVA, JAVA.leader())).lines().toList();
        assertEquals("[<0>] futex_wait_queue+0x69/0xa0", user.get(0));
        assertEquals("[<0>] entry_SYSCALL_64_after_hwframe+0x76/0x7e", user.get(user.size() - 1));
    }

    @Test
    void stack_runningOrZombie_isEmpty() {
        assertEquals("", render(m -> PidSyscall.showStack(m, JAVA, JAVA.thread(1240))));
        assertEquals("", render(m -> PidSyscall.showStack(m, ZOMBIE, ZOMBIE.leader())));
    }

    @Test
    void children_areSpaceTerminatedWithoutNewline() {
        assertEquals("4321 4400 ", render(m -> PidFiles.showChildren(m, List.of(4321, 4400))));
        assertEquals("", render(m -> PidFiles.showChildren(m, List.of())));
    }

    @Test
    void fdinfo_showsPosOctalFlagsMntIdAndInode() {
        assertEquals("pos:\t0\nflags:\t0100002\nmnt_id:\t25\nino:\t3\n",
                render(m -> PidFiles.showFdinfo(m, JAVA.fds().get(0))));
        assertEquals("pos:\t8192\nflags:\t02100000\nmnt_id:\t29\nino:\t655361\n",
                render(m -> PidFiles.showFdinfo(m, JAVA.fds().get(1))));
    }

    @Test
    void namespaceTargets_nameTheirTypeAndInode() {
        assertEquals("net:[4026531840]", PidFiles.namespaceTarget(Namespaces.INIT, "net"));
        assertEquals("pid:[4026531836]", PidFiles.namespaceTarget(Namespaces.INIT, "pid_for_children"));
        assertEquals("time:[4026531834]", PidFiles.namespaceTarget(Namespaces.INIT, "time_for_children"));
        assertEquals(10, PidFiles.NAMESPACE_NAMES.size());
    }

    @Test
    void cpuMasks_widthsFollowTheBitCount() {
        assertEquals("3", render(m -> CpuMasks.hex(m, List.of(0, 1), 2)));
        assertEquals("ff", render(m -> CpuMasks.hex(m, List.of(0, 1, 2, 3, 4, 5, 6, 7), 8)));
        assertEquals("00000001,00000000", render(m -> CpuMasks.hex(m, List.of(32), 64)));
        assertEquals("01,00000004", render(m -> CpuMasks.hex(m, List.of(2, 32), 40)));
        assertEquals("0-1,4,6-7", render(m -> CpuMasks.list(m, List.of(0, 1, 4, 6, 7))));
    }

    @Test
    void cpuMasks_bitBeyondTheWidth_widensTheMask() {
        assertEquals("ff", render(m -> CpuMasks.hex(m, List.of(0, 1, 2, 3, 4, 5, 6, 7), 2)));
    }

    @Test
    void mounts_escapeSpacesAndKeepOptions() {
        List<MountEntry> mounts = List.of(new MountEntry("/dev/vda1", "/", "ext4", "rw,relatime"),
                new MountEntry("proc", "/proc", "proc", "rw,nosuid,nodev,noexec,relatime"),
                new MountEntry("tmpfs", "/run/my dir", "tmpfs", "rw,nosuid,nodev,size=1024k,mode=755"));
        assertEquals("/dev/vda1 / ext4 rw,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"
                + "tmpfs /run/my\\040dir tmpfs rw,nosuid,nodev,size=1024k,mode=755 0 0\n",
                render(m -> PidMounts.showMounts(m, mounts)));
        assertEquals("device /dev/vda1 mounted on / with fstype ext4\ndevice proc mounted on /proc with fstype proc\n"
                + "device tmpfs mounted on /run/my\\040dir with fstype tmpfs\n",
                render(m -> PidMounts.showMountstats(m, mounts)));
        List<MountInfoRow> rows = MountInfoRow.of(mounts, 21, 1, Map.of("/dev/vda1", new int[] {254, 1}), 21, true);
        assertEquals("21 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
                + "22 21 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:2 - proc proc rw\n"
                + "23 21 0:22 / /run/my\\040dir rw,nosuid,nodev shared:3 - tmpfs tmpfs rw,size=1024k,mode=755\n",
                render(m -> PidMounts.showMountinfo(m, rows)));
    }
}
