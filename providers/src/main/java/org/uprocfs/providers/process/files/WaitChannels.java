package org.uprocfs.providers.process.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a sleeping task's wait channel implies: the system call it sleeps in and the kernel stack
 * {@code proc_pid_stack} walks, as a 6.18 x86-64 kernel prints them ({@code %pB}: symbol+offset/size; the
 * scheduler's own frames are skipped). A table rather than code; the offsets were read off a live 6.18 kernel
 * where it had such a task, and are plausible values elsewhere.
 */
final class WaitChannels {
    /** The frames every system call's stack ends in. */
    private static final List<String> SYSCALL_ENTRY = List.of("do_syscall_64+0x71/0x290",
            "entry_SYSCALL_64_after_hwframe+0x76/0x7e");
    /** The frames every kernel thread started through kthread() ends in. */
    private static final List<String> KTHREAD_ENTRY = List.of("kthread+0xfa/0x240", "ret_from_fork+0x166/0x190",
            "ret_from_fork_asm+0x1a/0x30");

    /** One wait channel: the system call it implies (-1 for a kernel thread's wait) and its own frames. */
    record Channel(int syscall, List<String> frames) {
    }

    private static final Map<String, Channel> CHANNELS = Map.ofEntries(
            user("hrtimer_nanosleep", 230, "hrtimer_nanosleep+0xb5/0x130", "common_nsleep+0x30/0x60",
                    "__x64_sys_clock_nanosleep+0xde/0x150"),
            user("poll_schedule_timeout.constprop.0", 270, "poll_schedule_timeout.constprop.0+0x37/0x90",
                    "do_select+0x65c/0x940", "core_sys_select+0x231/0x4d0", "do_pselect.constprop.0+0xe9/0x1a0",
                    "__x64_sys_pselect6+0x46/0xa0"),
            user("anon_pipe_read", 0, "anon_pipe_read+0x393/0x440", "vfs_read+0x397/0x3d0", "ksys_read+0xc3/0xf0"),
            user("do_epoll_wait", 232, "do_epoll_wait+0x4d3/0x500", "__x64_sys_epoll_wait+0x6c/0x110"),
            user("futex_wait_queue", 202, "futex_wait_queue+0x69/0xa0", "__futex_wait+0x14a/0x1c0",
                    "futex_wait+0x74/0x120", "do_futex+0xc5/0x190", "__x64_sys_futex+0x127/0x1e0"),
            user("do_wait", 61, "do_wait+0x5e/0xf0", "kernel_wait4+0xb1/0x150", "__do_sys_wait4+0x92/0xa0"),
            user("wait_woken", 0, "wait_woken+0x50/0x60", "n_tty_read+0x57c/0x5d0", "tty_read+0x136/0x250",
                    "vfs_read+0x397/0x3d0", "ksys_read+0xc3/0xf0"),
            user("unix_stream_read_generic", 45, "unix_stream_read_generic+0x2f5/0xa50",
                    "unix_stream_recvmsg+0x8c/0xa0", "sock_recvmsg+0xd9/0xe0", "__sys_recvfrom+0xba/0x120",
                    "__x64_sys_recvfrom+0x24/0x30"),
            user("do_sigtimedwait", 128, "do_sigtimedwait+0x17a/0x240", "__x64_sys_rt_sigtimedwait+0x71/0xd0"),
            kernel("kthreadd", "kthreadd+0x2f0/0x310"),
            kernel("worker_thread", "worker_thread+0x98/0x310"),
            kernel("rescuer_thread", "rescuer_thread+0x4b6/0x5d0"),
            kernel("smpboot_thread_fn", "smpboot_thread_fn+0x18c/0x220"),
            kernel("kthread_worker_fn", "kthread_worker_fn+0x10c/0x260"),
            kernel("rcu_gp_fqs_loop", "rcu_gp_fqs_loop+0x103/0x530", "rcu_gp_kthread+0xc8/0x160"),
            kernel("rcu_tasks_one_gp", "rcu_tasks_one_gp+0x205/0x430", "rcu_tasks_kthread+0x91/0xa0"),
            kernel("devtmpfs_work_loop", "devtmpfs_work_loop+0x488/0x48d", "devtmpfsd+0x22/0x30"),
            kernel("kauditd_thread", "kauditd_thread+0x1c7/0x2f0"),
            kernel("watchdog", "watchdog+0x6e/0x3d0"),
            kernel("kswapd", "kswapd+0x22c/0x3a0"),
            kernel("kcompactd", "kcompactd+0x33d/0x3d0"),
            kernel("khugepaged", "khugepaged+0x26d/0x5e0"));

    private WaitChannels() {
    }

    /** The channel of this wait symbol, or null when the table does not know it. */
    static Channel of(String wchan) {
        return wchan == null ? null : CHANNELS.get(wchan);
    }

    /** The whole stack of a task sleeping in {@code channel}, innermost frame first. */
    static List<String> stack(Channel channel, boolean kernelThread) {
        List<String> frames = new ArrayList<>(channel.frames());
        if (!kernelThread) {
            frames.addAll(SYSCALL_ENTRY);
        } else if (channel.frames().get(0).startsWith("kthreadd+")) {
            // kthreadd is the one kernel thread not started through kthread().
            frames.addAll(KTHREAD_ENTRY.subList(1, KTHREAD_ENTRY.size()));
        } else {
            frames.addAll(KTHREAD_ENTRY);
        }
        return frames;
    }

    private static Map.Entry<String, Channel> user(String symbol, int syscall, String... frames) {
        return Map.entry(symbol, new Channel(syscall, List.of(frames)));
    }

    private static Map.Entry<String, Channel> kernel(String symbol, String... frames) {
        return Map.entry(symbol, new Channel(-1, List.of(frames)));
    }
}
