package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shell sessions of the source documents, replayed with cat, echo, ls and readlink on a real mount. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedModulesIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("fortune", "etx_proc", "procfs_example", "howto");

    @Test
    @Order(1)
    void fortune_threeEchoesTwoCats_printFirstTwoCookies() {
        Shell.Run session = Shell.sh(MOUNT.root(), String.join("; ",
                "echo 'Success is an individual proposition.' > fortune",
                "echo 'If naughty, then nice.' > fortune",
                "echo 'A fool and his money are soon parted.' > fortune",
                "cat fortune", "cat fortune"));
        assertEquals(0, session.exitCode(), session.stderr());
        assertEquals("Success is an individual proposition.\nIf naughty, then nice.\n", session.stdout());
    }

    @Test
    @Order(2)
    void fortune_afterLastCookie_wrapsToFirst() {
        Shell.Run session = Shell.sh(MOUNT.root(), "cat fortune; cat fortune");
        assertEquals("A fool and his money are soon parted.\nSuccess is an individual proposition.\n",
                session.stdout());
    }

    @Test
    @Order(3)
    void fortune_catReadsOneCookiePerRun() {
        byte[] once = Posix.readAll(MOUNT.path("fortune"), 131072);
        assertEquals("If naughty, then nice.\n", new String(once, StandardCharsets.UTF_8),
                "the read at the cookie's end returns EOF, so one open reads one cookie");
    }

    @Test
    @Order(4)
    void fortune_potFull_failsWithEnospcAndPotUnchanged() {
        int stored = 0;
        for (int size : new int[] {1000, 100, 10, 2}) {
            byte[] cookie = new byte[size];
            java.util.Arrays.fill(cookie, (byte) 'z');
            cookie[size - 1] = '\n';
            Posix.Result last;
            while (!(last = Posix.writeOnce(MOUNT.path("fortune"), cookie)).failed()) {
                stored++;
            }
            assertEquals(Errno.ENOSPC, last.errno(), "a " + size + "-byte cookie that does not fit");
        }
        stored++;
        // bash names the errno (dash says "I/O error" for every failed echo).
        Shell.Run echo = Shell.run(MOUNT.root(), List.of("bash", "-c", "echo 'one more' > fortune"), 30);
        assertTrue(echo.stderr().contains("No space left on device"), echo.stderr());
        assertEquals(Errno.ENOSPC, Posix.writeOnce(MOUNT.path("fortune"), "one more\n").errno());
        List<String> cookies = new ArrayList<>();
        for (int i = 0; i < 3 + stored - 1; i++) {
            cookies.add(Shell.sh(MOUNT.root(), "cat fortune").stdout());
        }
        assertTrue(cookies.stream().noneMatch(c -> c.contains("one more")), "the refused cookie was not stored");
    }

    @Test
    @Order(5)
    void etxProc_catEchoCat_showsReplacedContent() {
        Shell.Run session = Shell.sh(MOUNT.root(), "cat etx_proc; echo 'device driver proc' > etx_proc; cat etx_proc");
        assertEquals(0, session.exitCode(), session.stderr());
        assertEquals("try_proc_array\ndevice driver proc\n", session.stdout());
    }

    @Test
    @Order(6)
    void etxProc_oversizeWrite_failsWithEinvalAndKeepsContent() throws IOException {
        Posix.writeOnce(MOUNT.path("etx_proc"), "kept\n");
        assertEquals(Errno.EINVAL, Posix.writeOnce(MOUNT.path("etx_proc"), "this line is longer than twenty bytes\n").errno());
        assertEquals("kept\n", Files.readString(MOUNT.path("etx_proc")));
    }

    @Test
    @Order(7)
    void etxProc_fourWritersFourReaders_everyReadIsAWrittenValue() throws Exception {
        Set<String> values = Set.of("first value\n", "second\n", "third value here\n", "4th\n", "kept\n");
        List<String> writes = List.copyOf(values);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> tasks = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            tasks.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    Posix.Result result = Posix.writeOnce(MOUNT.path("etx_proc"), writes.get((writer + i) % writes.size()));
                    if (result.failed()) {
                        problems.add("write failed: " + result.errno());
                    }
                }
            }));
        }
        for (int r = 0; r < 4; r++) {
            tasks.add(pool.submit(() -> {
                while (!done.get()) {
                    String read = new String(Posix.readAll(MOUNT.path("etx_proc"), 3), StandardCharsets.UTF_8);
                    if (!values.contains(read) && !read.equals("device driver proc\n")) {
                        problems.add("torn read: " + read);
                    }
                }
            }));
        }
        for (int i = 0; i < 4; i++) {
            tasks.get(i).get(120, TimeUnit.SECONDS);
        }
        done.set(true);
        for (Future<?> task : tasks) {
            task.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(List.of(), List.copyOf(problems));
    }

    @Test
    void procfsExample_ls_showsFourEntries() {
        assertEquals("bar\nfoo\njiffies\njiffies_too\n", Shell.sh(MOUNT.root(), "ls procfs_example").stdout());
        assertEquals("jiffies\n", Shell.sh(MOUNT.root(), "readlink procfs_example/jiffies_too").stdout());
    }

    @Test
    void procfsExample_catJiffiesTwice_showsGrowingValue() throws Exception {
        long first = jiffies(Shell.sh(MOUNT.root(), "cat procfs_example/jiffies").stdout());
        Thread.sleep(60);
        long second = jiffies(Shell.sh(MOUNT.root(), "cat procfs_example/jiffies_too").stdout());
        assertTrue(second > first, first + " then " + second);
    }

    @Test
    void procfsExample_fooBar_readAndShortWrites() {
        assertEquals("bar = 'bar'\n", Shell.sh(MOUNT.root(), "cat procfs_example/bar").stdout());
        Shell.Run write = Shell.sh(MOUNT.root(), "printf abc > procfs_example/foo; cat procfs_example/foo");
        assertEquals("foo = 'abc'\n", write.stdout());
        assertEquals(8, Posix.writeOnce(MOUNT.path("procfs_example/foo"), "0123456789abcdef").value(),
                "at most eight bytes are taken; the caller retries with the rest");
        assertEquals("foo = '01234567'\n", Shell.sh(MOUNT.root(), "cat procfs_example/foo").stdout());
    }

    @Test
    void howto_bufferFile_echoThenCat_roundTrips() {
        Shell.Run session = Shell.sh(MOUNT.root(), "echo 'hello from user space' > test/buffer; cat test/buffer");
        assertEquals(0, session.exitCode(), session.stderr());
        assertEquals("hello from user space\n", session.stdout());
    }

    private static long jiffies(String line) {
        assertTrue(line.startsWith("jiffies = ") && line.endsWith("\n"), line);
        return Long.parseLong(line.substring("jiffies = ".length()).trim());
    }
}
