package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.mount.session.MountOptions;

/**
 * The real processes that read the mount find themselves: the source document's {@code $$} examples,
 * run with the mount bound over /proc in a private mount namespace, print the reader's own data.
 */
class VisitorsIT {
    @Nested
    class OwnData {
        @RegisterExtension
        static final ProcMount MOUNT = ProcMount.withModules("hardware", "process");

        /** Runs a script with the mount over /proc; it prints its own pid first, so the test knows who ran it. */
        private static Shell.Run asProc(String script) {
            return Shell.run(Path.of("."), List.of("env", "UPROCFS_MARK=visitor", "unshare", "-m", "sh", "-c",
                    "mount --bind " + MOUNT.root() + " /proc && echo $$ && " + script), 30);
        }

        private static String afterPid(Shell.Run run) {
            assertEquals(0, run.exitCode(), run.stderr());
            return run.stdout().substring(run.stdout().indexOf('\n') + 1);
        }

        @Test
        void cmdline_ofTheShell_isItsOwnArgv() {
            String out = afterPid(asProc("cat /proc/$$/cmdline | tr '\\0' ' '"));
            assertTrue(out.startsWith("sh -c mount --bind "), out);
        }

        @Test
        void status_ofTheShell_namesItAndItsPid() {
            Shell.Run run = asProc("cat /proc/$$/status");
            String pid = run.stdout().lines().findFirst().orElseThrow();
            String out = afterPid(run);
            assertTrue(out.startsWith("Name:\tsh\n"), out);
            assertTrue(out.contains("\nPid:\t" + pid + "\n"), out);
            assertTrue(out.contains("\nVmRSS:\t"), out);
        }

        @Test
        void maps_ofTheShell_mapsItsOwnExecutable() throws IOException {
            String shell = Path.of("/bin/sh").toRealPath().toString();
            String out = afterPid(asProc("cat /proc/$$/maps"));
            assertTrue(out.lines().anyMatch(l -> l.contains(" r-xp ") && l.endsWith(shell)), out);
        }

        @Test
        void fdListing_ofTheShell_showsItsStandardStreamsAsLinks() {
            String out = afterPid(asProc("ls -la /proc/$$/fd/"));
            assertTrue(out.lines().anyMatch(l -> l.startsWith("lr-x------") && l.contains(" 0 -> ")), out);
            assertTrue(out.lines().anyMatch(l -> l.startsWith("l-wx------") && l.contains(" 1 -> ")), out);
        }

        @Test
        void exe_ofTheShell_isTheRealBinary() throws IOException {
            String out = afterPid(asProc("readlink /proc/$$/exe"));
            assertEquals(Path.of("/bin/sh").toRealPath() + "\n", out);
        }

        @Test
        void environ_ofTheShell_listsItsVariables() {
            String out = afterPid(asProc("cat /proc/$$/environ | tr '\\0' '\\n'"));
            assertTrue(out.lines().anyMatch("UPROCFS_MARK=visitor"::equals), out);
        }

        @Test
        void pythonOwnStatus_hasVmRss() {
            String out = afterPid(asProc("python3 -c 'import os; print([l for l in open(f\"/proc/{os.getpid()}/status\") "
                    + "if l.startswith(\"VmRSS\")][0].split()[1:])'"));
            assertTrue(out.matches("\\['\\d+', 'kB'\\]\\n"), out);
        }

        @Test
        void findmnt_readsItsOwnMountinfo_andSeesTheMountOverProc() {
            String out = afterPid(asProc("findmnt -n -o TARGET,FSTYPE /proc"));
            assertTrue(out.lines().anyMatch(l -> l.matches("/proc\\s+fuse\\.uprocfs")), out);
        }

        @Test
        void jvm_findsItsHomeThroughProcSelfExe() {
            Shell.Run run = asProc("java -version");
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(run.stderr().contains("version \"17"), run.stderr());
        }

        @Test
        void ps_ofTheShellItself_printsItsRow() {
            Shell.Run run = asProc("ps -o pid=,comm= -p $$");
            String pid = run.stdout().lines().findFirst().orElseThrow();
            assertEquals(pid + " sh", afterPid(run).trim());
        }

        @Test
        void self_resolvesToTheReadersOwnPid() {
            Shell.Run run = asProc("exec readlink /proc/self");
            String pid = run.stdout().lines().findFirst().orElseThrow();
            assertEquals(pid + "\n", afterPid(run));
        }

        @Test
        void threadSelf_resolvesToPidTaskTid() {
            Shell.Run run = asProc("exec readlink /proc/thread-self");
            String pid = run.stdout().lines().findFirst().orElseThrow();
            assertEquals(pid + "/task/" + pid + "\n", afterPid(run));
        }

        @Test
        void rootListing_showsSelfAndThreadSelfAfterTheFixedEntriesAndTheReaderAmongThePids() {
            Shell.Run run = asProc("exec ls -f /proc");
            String pid = run.stdout().lines().findFirst().orElseThrow();
            List<String> names = afterPid(run).lines().filter(n -> !n.equals(".") && !n.equals("..")).toList();
            int self = names.indexOf("self");
            assertEquals("thread-self", names.get(self + 1), names.toString());
            assertTrue(names.subList(0, self).stream().noneMatch(n -> n.matches("\\d+")), names.toString());
            assertTrue(names.subList(self + 2, names.size()).stream().allMatch(n -> n.matches("\\d+")), names.toString());
            assertTrue(names.contains(pid), names.toString());
        }

        @Test
        void exitedVisitor_isNoLongerFound() throws Exception {
            Process reader = new ProcessBuilder("sh", "-c", "read x < " + MOUNT.root() + "/self/stat; exec sleep 30").start();
            try {
                Path dir = MOUNT.path(Long.toString(reader.pid()));
                Await.until("visitor " + reader.pid() + " listed as sleep", Duration.ofSeconds(10),
                        () -> Files.isDirectory(dir) && readQuietly(dir.resolve("status")).contains("Name:\tsleep\n"));
            } finally {
                reader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Path gone = MOUNT.path(Long.toString(reader.pid()));
            // Gone, or (rarely) a simulated process of the same number, which is never this sleep.
            Await.until("exited visitor " + reader.pid() + " gone", Duration.ofSeconds(10),
                    () -> !readQuietly(gone.resolve("status")).contains("Name:\tsleep\n"));
            assertTrue(Files.readString(MOUNT.path("version")).length() > 0);
        }
    }

    @Nested
    class OtherUsers {
        @RegisterExtension
        static final ProcMount SHARED = ProcMount.withModules("hardware", "process")
                .options(new MountOptions(true, true, false));

        @BeforeAll
        static void createUser() {
            OtherUser.ensureExists();
        }

        @Test
        void otherUser_readsARootVisitorsStatusButNotItsEnvironOrFds() throws Exception {
            Process root = new ProcessBuilder("sh", "-c", "read x < " + SHARED.root() + "/self/stat; exec sleep 30").start();
            try {
                String pid = Long.toString(root.pid());
                Await.until("root visitor listed as sleep", Duration.ofSeconds(10),
                        () -> readQuietly(SHARED.path(pid).resolve("status")).contains("Name:\tsleep\n"));
                Shell.Run status = OtherUser.sh(SHARED.root(), "cat " + pid + "/status");
                assertEquals(0, status.exitCode(), status.stderr());
                assertTrue(status.stdout().contains("Name:\tsleep\n"), status.stdout());
                Shell.Run environ = OtherUser.sh(SHARED.root(), "cat " + pid + "/environ");
                assertNotEquals(0, environ.exitCode(), environ.stdout());
                assertTrue(environ.stderr().contains("Permission denied"), environ.stderr());
                Shell.Run exe = OtherUser.sh(SHARED.root(), "readlink " + pid + "/exe");
                assertNotEquals(0, exe.exitCode(), exe.stdout());
                Shell.Run fds = OtherUser.sh(SHARED.root(), "ls " + pid + "/fd");
                assertTrue(fds.stderr().contains("Permission denied"), fds.stderr());
            } finally {
                root.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
