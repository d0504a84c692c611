package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The process tools of procps, psmisc, sysstat, htop and psutil, run with the mount bound over /proc in a
 * private mount namespace: each lists the simulated machine's processes, with their values, and no error.
 */
class ProcessClientsIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withDefaultModules();

    private static Shell.Run asProc(String script) {
        return Shell.run(Path.of("."), List.of("unshare", "-m", "sh", "-c",
                "mount --bind " + MOUNT.root() + " /proc && " + script), 60);
    }

    private static String ok(Shell.Run run) {
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("", run.stderr());
        return run.stdout();
    }

    /** The pids the mount lists now, as ps walks them. */
    private static Set<Integer> listedPids() throws IOException {
        try (Stream<Path> entries = Files.list(MOUNT.root())) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String[]> rows(String out) {
        return out.lines().skip(1).map(l -> l.trim().split("\\s+")).toList();
    }

    @Test
    void psAux_listsInitKthreaddAndTheSimulatedServices() throws IOException {
        String out = ok(asProc("ps aux"));
        List<String[]> rows = rows(out);
        String[] init = rows.stream().filter(r -> r[1].equals("1")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertEquals("root", init[0], out);
        assertTrue(out.lines().anyMatch(l -> l.matches("root\\s+2\\s.*\\[kthreadd\\]$")), out);
        assertTrue(out.contains("sshd"), out);
        int listed = listedPids().size();
        // Churn may start or reap a few processes between the two listings.
        assertTrue(Math.abs(rows.size() - listed) <= 10, rows.size() + " rows for " + listed + " pids:\n" + out);
    }

    @Test
    void psEf_kernelThreadsHaveKthreaddAsParent() {
        String out = ok(asProc("ps -ef"));
        List<String[]> kernelThreads = rows(out).stream()
                // CMD (column 8) in brackets: ps shows a process without a command line (a kernel thread) by its name.
                // A zombie shows the same way with " <defunct>" after it.
                .filter(r -> r[7].startsWith("[") && r.length == 8 && !r[1].equals("2")).toList();
        assertTrue(kernelThreads.size() >= 8, out);
        assertTrue(kernelThreads.stream().allMatch(r -> r[2].equals("2")), out);
    }

    @Test
    void psELf_listsEveryThreadOfAMultiThreadedProcess() {
        String out = ok(asProc("ps -eLf"));
        List<String[]> rows = rows(out);
        long maxThreads = rows.stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(maxThreads >= 4, out);
        // NLWP (column 6) of a thread row is its process's thread count.
        assertTrue(rows.stream().anyMatch(r -> Integer.parseInt(r[5]) == maxThreads), out);
    }

    @Test
    void topBatch_summarisesTheSimulatedTasks() throws IOException {
        String out = ok(asProc("top -b -n 1"));
        String tasks = out.lines().filter(l -> l.startsWith("Tasks:")).findFirst().orElseThrow(() -> new AssertionError(out));
        int total = Integer.parseInt(tasks.replaceAll("Tasks:\\s*(\\d+) total.*", "$1"));
        assertTrue(Math.abs(total - listedPids().size()) <= 10, tasks);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("PID USER")), out);
        assertTrue(out.contains("systemd"), out);
    }

    @Test
    void pgrepAndPidof_findSshd() {
        String pgrep = ok(asProc("pgrep -x sshd"));
        assertTrue(!pgrep.isBlank() && pgrep.lines().allMatch(l -> l.matches("\\d+")), pgrep);
        String pidof = ok(asProc("pidof sshd"));
        Set<String> byPgrep = Set.copyOf(pgrep.lines().toList());
        assertEquals(byPgrep, Set.of(pidof.trim().split(" ")));
    }

    @Test
    void pstree_showsInitAsTheRootWithItsPid() {
        String out = ok(asProc("pstree -p"));
        assertTrue(out.startsWith("systemd(1)"), out);
        assertTrue(out.contains("kthreadd(2)") || out.contains("sshd("), out);
    }

    @Test
    void pidstat_reportsProcessesForOneInterval() {
        Shell.Run run = asProc("pidstat 1 1");
        String out = ok(run);
        assertTrue(out.lines().anyMatch(l -> l.contains("%CPU") && l.contains("Command")), out);
        assertTrue(out.lines().filter(l -> l.startsWith("Average:")).count() >= 2, out);
    }

    @Test
    void psutil_processIter_readsEveryAttributeOfEveryProcess() throws IOException {
        String script = String.join("\n",
                "import psutil",
                "# What psutil reads from /proc alone. Where a read fails as it does on the kernel (cwd of a kernel",
                "# thread without an fs, environ of a zombie), psutil asks kill(2) whether the pid lives on the host,",
                "# and nice, ionice and cpu_affinity are syscalls about host pids: those are read for our own process.",
                "attrs = ['pid', 'name', 'cmdline', 'status', 'ppid', 'uids', 'gids', 'username', 'num_threads',",
                "         'threads', 'memory_info', 'memory_percent', 'cpu_times', 'cpu_percent', 'create_time',",
                "         'terminal', 'num_ctx_switches', 'cpu_num', 'num_fds', 'io_counters', 'exe']",
                "n = 0",
                "for p in psutil.process_iter():",
                "    try:",
                "        d = p.as_dict(attrs=attrs)",
                "    except psutil.NoSuchProcess:",
                "        continue",
                "    n += 1",
                "    assert d['pid'] == p.pid",
                "    assert d['name'], d",
                "me = psutil.Process()",
                "full = me.as_dict(attrs=[a for a in psutil._as_dict_attrnames if a != 'connections'])",
                "print(n, me.pid, full['name'], full['memory_full_info'].uss > 0, 'PATH' in full['environ'])");
        Path file = Files.createTempFile("uprocfs-psutil-", ".py");
        try {
            Files.writeString(file, script);
            String out = ok(asProc("exec /usr/bin/python3 " + file));
            String[] fields = out.trim().split(" ");
            assertTrue(Integer.parseInt(fields[0]) >= listedPids().size() - 10, out);
            assertEquals("python3", fields[2], out);
            assertEquals("True", fields[3], out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void htop_underTmux_drawsTheProcessList() throws Exception {
        String session = "uprocfs-htop-" + ProcessHandle.current().pid();
        Shell.Run start = Shell.run(Path.of("."), List.of("tmux", "new-session", "-d", "-s", session, "-x", "200", "-y", "50",
                "unshare -m sh -c 'mount --bind " + MOUNT.root() + " /proc && TERM=xterm htop'"), 30);
        assertEquals(0, start.exitCode(), start.stderr());
        try {
            String screen = "";
            for (int i = 0; i < 50 && !(screen.contains("PID") && screen.contains("systemd")); i++) {
                Thread.sleep(200);
                screen = Shell.run(Path.of("."), List.of("tmux", "capture-pane", "-p", "-t", session), 10).stdout();
            }
            assertTrue(screen.contains("PID") && screen.contains("systemd"), screen);
            assertTrue(screen.contains("Tasks:"), screen);
        } finally {
            Shell.run(Path.of("."), List.of("tmux", "kill-session", "-t", session), 10);
        }
    }
}
