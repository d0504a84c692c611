package org.uprocfs.providers.process.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.Capabilities;
import org.uprocfs.providers.process.model.Credentials;
import org.uprocfs.providers.process.model.FileDescriptor;
import org.uprocfs.providers.process.model.IoCounters;
import org.uprocfs.providers.process.model.MemoryLayout;
import org.uprocfs.providers.process.model.Namespaces;
import org.uprocfs.providers.process.model.ProcessMemory;
import org.uprocfs.providers.process.model.ResourceLimit;
import org.uprocfs.providers.process.model.Signals;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;
import org.uprocfs.providers.process.model.TaskState;
import org.uprocfs.providers.process.model.Vma;

/**
 * The hand-built table the golden files describe:
 *
 * <pre>
 * 1234 java              user 1000, pts/0, 3 threads: 1234 java (S), 1240 C2 CompilerThre (R), 1241 GC Thread#0 (S)
 * 57   kworker/1:2-events kernel thread, bound to CPU 1
 * 4321 sh                zombie child of 1234, exited with status 3
 * 777  a\b\nc (x) y z 0  one running thread; its comm has a backslash, a newline, spaces and ')'
 * </pre>
 */
final class PidFixtures {
    static final int NR_CPU_IDS = 2;
    static final long SIGQ_LIMIT = 15432;
    static final List<ResourceLimit> LIMITS = ResourceLimit.defaults(SIGQ_LIMIT, 1024, 524288);

    private PidFixtures() {
    }

    /** 1234 java: ten VMAs plus the gate, three threads. */
    static SimProcess java() {
        List<Vma> vmas = List.of(
                new Vma(0x55d0c0a00000L, 0x55d0c0a01000L, "r--p", 0, 0xfe, 1, 1311, "/usr/bin/java", 4, 4, 0, 0, 4, 0, 0, 0),
                new Vma(0x55d0c0a01000L, 0x55d0c0a02000L, "r-xp", 0x1000, 0xfe, 1, 1311, "/usr/bin/java", 4, 4, 0, 0, 4, 0, 0, 0),
                new Vma(0x55d0c0a02000L, 0x55d0c0a03000L, "rw-p", 0x2000, 0xfe, 1, 1311, "/usr/bin/java", 4, 4, 0, 0, 0, 4, 4, 0),
                new Vma(0x55d0c1c00000L, 0x55d0c1c21000L, "rw-p", 0, 0, 0, 0, "[heap]", 12, 12, 0, 0, 0, 12, 12, 0),
                new Vma(0x7f1c2a028000L, 0x7f1c2a1bd000L, "r-xp", 0x28000, 0xfe, 1, 2051,
                        "/usr/lib/x86_64-linux-gnu/libc.so.6", 900, 90, 900, 0, 0, 0, 0, 0),
                new Vma(0x7f1c2a21b000L, 0x7f1c2a228000L, "rw-p", 0, 0, 0, 0, "", 20, 20, 0, 0, 0, 20, 20, 0),
                new Vma(0x7f1c2a400000L, 0x7f1c2a500000L, "rw-s", 0, 0, 1, 1024, "/dev/zero (deleted)", 256, 128, 0, 256, 0, 0, 0, 0),
                new Vma(0x7ffd4a1c3000L, 0x7ffd4a1e4000L, "rw-p", 0, 0, 0, 0, "[stack]", 16, 16, 0, 0, 0, 16, 16, 0),
                new Vma(0x7ffd4a1f4000L, 0x7ffd4a1f6000L, "r-xp", 0, 0, 0, 0, "[vdso]", 4, 4, 0, 0, 4, 0, 0, 0),
                new Vma(0xffffffffff600000L, 0xffffffffff601000L, "--xp", 0, 0, 0, 0, "[vsyscall]", 0, 0, 0, 0, 0, 0, 0, 0));
        MemoryLayout layout = new MemoryLayout(0x55d0c0a01000L, 0x55d0c0a01e35L, 0x55d0c0a02d50L, 0x55d0c0a02f10L,
                0x55d0c1c00000L, 0x55d0c1c21000L, 0x7ffd4a1e2b30L, 0x7ffd4a1e2f2bL, 0x7ffd4a1e2f3bL,
                0x7ffd4a1e2f3bL, 0x7ffd4a1e2fe5L);
        ProcessMemory memory = ProcessMemory.of(vmas, layout, 3100, 1300, 0, 48);
        List<SimThread> threads = List.of(
                new SimThread(1234, "java", TaskState.SLEEPING, 150, 30, 2000, 10, 1, 500, 20, 1_500_000_000L,
                        20_000_000L, 520, 7, "futex_wait_queue", new IoCounters(10000, 2000, 50, 10, 4096, 0, 0),
                        31700),
                new SimThread(1240, "C2 CompilerThre", TaskState.RUNNING, 300, 5, 500, 0, 0, 40, 60,
                        3_000_000_000L, 100_000_000L, 100, 3, "", new IoCounters(100, 0, 1, 0, 0, 0, 0), 31705),
                new SimThread(1241, "GC Thread#0", TaskState.SLEEPING, 20, 2, 100, 1, 1, 80, 2, 200_000_000L,
                        5_000_000L, 82, 1, "futex_wait_queue", new IoCounters(0, 4096, 0, 2, 0, 4096, 0), 31706));
        List<FileDescriptor> fds = List.of(
                new FileDescriptor(0, "/dev/pts/0", FileDescriptor.O_RDWR | FileDescriptor.O_LARGEFILE, 0, 25, 3),
                new FileDescriptor(3, "/usr/lib/jvm/lib/modules", FileDescriptor.O_RDONLY | FileDescriptor.O_LARGEFILE
                        | FileDescriptor.O_CLOEXEC, 8192, 29, 655361));
        return new SimProcess(1234, 1200, 1234, 1200, 34816, 1234, "java", List.of("java", "-jar", "app.jar"),
                List.of("HOME=/home/alice", "LANG=C.UTF-8"), "/usr/bin/java", "/home/alice", "/",
                Credentials.of(1000, 1000, List.of(4, 27, 1000)), Capabilities.USER, false, true,
                SimProcess.PF_RANDOMIZE, 0, 0, 0, 31700, memory, threads, fds, 4, 1, 300, 2, 0, 17, 0, 668,
                "/user.slice/user-1000.slice/session-3.scope", 022, 1000, 3, LIMITS, List.of(0, 1), 50000,
                new Signals(0, 0, 0, 0x1000, 0x4002, 0, SIGQ_LIMIT), Namespaces.INIT, 256, false, 0, 3);
    }

    /** 57 kworker/1:2-events: no mm, PF_KTHREAD, root, every signal ignored. */
    static SimProcess kworker() {
        SimThread t = new SimThread(57, "kworker/1:2-events", TaskState.IDLE, 0, 15, 0, 0, 1, 3000, 5,
                150_000_000L, 2_000_000L, 3005, 0, "worker_thread", IoCounters.ZERO, 120);
        return new SimProcess(57, 2, 0, 0, 0, -1, "kworker/1:2-events", List.of(), List.of(), null, "/", "/",
                Credentials.ROOT, Capabilities.ROOT, true, true, 0x04208060L, 0, 0, 0, 120, null, List.of(t),
                List.of(), 0, 0, 0, 0, 0, 17, 0, 0, "/", 022, SimProcess.AUDIT_UNSET, SimProcess.AUDIT_UNSET,
                LIMITS, List.of(1), 50000, new Signals(0, 0, 0, -1L, 0, 0, SIGQ_LIMIT), Namespaces.INIT, 64,
                false, 0, 0);
    }

    /** 4321 sh: a zombie that exited with status 3, not yet reaped by 1234. */
    static SimProcess zombie() {
        SimThread t = new SimThread(4321, "sh", TaskState.ZOMBIE, 1, 0, 229, 0, 1, 1, 0, 827_085L, 109_762L, 1, 0,
                "", IoCounters.ZERO, 46636);
        return new SimProcess(4321, 1234, 1234, 1200, 34816, 1234, "sh", List.of(), List.of(), null, null, null,
                Credentials.of(1000, 1000, List.of(4, 27, 1000)), Capabilities.USER, false, true, 0x40804cL, 0, 0,
                0, 46636, null, List.of(t), List.of(), 0, 0, 0, 0, 768, 17, 0, 0,
                "/user.slice/user-1000.slice/session-3.scope", 022, 1000, 3, LIMITS, List.of(0, 1), 50000,
                new Signals(0, 0, 0, 0x1001000, 0x2, 0, SIGQ_LIMIT), Namespaces.INIT, 0, false, 0, 0);
    }

    /** 777: one running thread whose name needs the parsing rules: split at the last ')'. */
    static SimProcess weird() {
        List<Vma> vmas = List.of(
                new Vma(0x5600aa000000L, 0x5600aa001000L, "r-xp", 0, 0xfe, 1, 77, "/opt/my app/bin", 4, 4, 0, 0, 4, 0,
                        0, 0),
                new Vma(0x7ffc11000000L, 0x7ffc11021000L, "rw-p", 0, 0, 0, 0, "[stack]", 8, 8, 0, 0, 0, 8, 8, 0));
        MemoryLayout layout = new MemoryLayout(0x5600aa000000L, 0x5600aa000800L, 0x5600aa000900L, 0x5600aa000a00L,
                0x5600ab000000L, 0x5600ab000000L, 0x7ffc1101fd40L, 0x7ffc1101ff00L, 0x7ffc1101ff20L,
                0x7ffc1101ff20L, 0x7ffc1101ffe0L);
        ProcessMemory memory = ProcessMemory.of(vmas, layout, 0, 0, 0, 8);
        SimThread t = new SimThread(777, "a\\b\nc (x) y z 0", TaskState.RUNNING, 7, 3, 90, 0, 0, 2, 9, 100_000_000L,
                1_000_000L, 11, 1, "", new IoCounters(1, 2, 3, 4, 5, 6, 7), 9000);
        return new SimProcess(777, 1, 777, 777, 0, -1, "a\\b\nc (x) y z 0", List.of("/opt/my app/bin", "--x"),
                List.of("A=1"), "/opt/my app/bin", "/", "/", Credentials.ROOT, Capabilities.ROOT, false, true,
                SimProcess.PF_RANDOMIZE, -5, 0, 0, 9000, memory, List.of(t), List.of(), 0, 0, 0, 0, 0, 17, -500,
                0, "/system.slice/weird.service", 077, SimProcess.AUDIT_UNSET, SimProcess.AUDIT_UNSET, LIMITS,
                List.of(0, 1), 50000, Signals.none(SIGQ_LIMIT), Namespaces.INIT, 64, true, 2, 0);
    }

    /** What a renderer prints, decoded as UTF-8. */
    static String render(Consumer<SeqBuffer> renderer) {
        SeqBuffer m = SeqBuffer.forRoot();
        renderer.accept(m);
        return m.toString();
    }

    /** A golden file under the test resources' process/golden directory. */
    static String golden(String name) {
        String path = "/org/uprocfs/providers/process/golden/" + name;
        try (InputStream in = PidFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
