package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.core.ManualClock;
import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.Machine;

/**
 * psutil, the library most monitoring code reads /proc through, run against the mount bound over /proc in
 * a private mount namespace; a frozen clock lets its numbers be compared with the files exactly.
 */
class PsutilIT {
    private static final String PYTHON = "/usr/bin/python3";
    /** One "name value..." line per psutil call, so the test needs no JSON parser. */
    private static final String SCRIPT = String.join("\n",
            "import os, psutil",
            "def show(name, values): print(name, *values)",
            "vm = psutil.virtual_memory()",
            "show('vm', [vm.total, vm.available, vm.free, vm.used])",
            "show('cpu_count', [psutil.cpu_count()])",
            "show('boot_time', [int(psutil.boot_time())])",
            "sw = psutil.swap_memory()",
            "show('swap', [sw.total, sw.used, sw.free, sw.sin, sw.sout])",
            "ct = psutil.cpu_times()",
            "show('cpu_times', [ct.user, ct.nice, ct.system, ct.idle, ct.iowait, ct.irq, ct.softirq, ct.steal])",
            "d = psutil.disk_io_counters()",
            "show('disk', [d.read_count, d.write_count, d.read_bytes, d.write_bytes])",
            "n = psutil.net_io_counters()",
            "show('net', [n.bytes_recv, n.packets_recv, n.bytes_sent, n.packets_sent])",
            "show('load', [repr(x) for x in psutil.getloadavg()])",
            "");

    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("hardware", "sysctl")
            .clock(new ManualClock(Instant.parse("2026-01-15T08:00:00Z"), Duration.ofHours(3).plusSeconds(17)))
            .parameter("seed", "42");

    private static Map<String, String[]> psutil;

    @BeforeAll
    static void runPsutil() throws IOException {
        ensurePsutil();
        Path sysroot = HardwareToolsIT.CpuSysfs.build(MOUNT.root(), MOUNT.path("cpuinfo"));
        Path block = blockSysfs();
        Path script = Files.createTempFile("uprocfs-psutil-", ".py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        // psutil counts CPUs with sysconf(_SC_NPROCESSORS_ONLN), which glibc answers from
        // /sys/devices/system/cpu/online, and sums disk counters only for names under /sys/block.
        // -W error: psutil warns (RuntimeWarning) about meminfo fields it cannot find; that is a failure here.
        Shell.Run run;
        try {
            run = Shell.sh(Path.of("."), "unshare -m sh -c 'mount --bind " + MOUNT.root() + " /proc"
                    + " && mount --bind " + sysroot.resolve("sys/devices/system/cpu") + " /sys/devices/system/cpu"
                    + " && mount --bind " + block + " /sys/block"
                    + " && " + PYTHON + " -W error " + script + "'");
        } finally {
            deleteTree(sysroot);
            deleteTree(block);
            Files.deleteIfExists(script);
        }
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().isEmpty(), run.stderr());
        psutil = new LinkedHashMap<>();
        for (String line : run.stdout().split("\n")) {
            String[] words = line.split(" ");
            psutil.put(words[0], Arrays.copyOfRange(words, 1, words.length));
        }
    }

    /** Installs python3-psutil when it is missing and we are root; otherwise the class is skipped. */
    private static void ensurePsutil() {
        if (hasPsutil()) {
            return;
        }
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "python3-psutil is missing and only root may install it");
        Shell.Run install = Shell.run(Path.of("."), List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get",
                "install", "-y", "-qq", "python3-psutil"), 600);
        assertEquals(0, install.exitCode(), install.stderr());
        assertTrue(hasPsutil(), "python3-psutil installed but not importable");
    }

    private static boolean hasPsutil() {
        return Files.isExecutable(Path.of(PYTHON))
                && Shell.run(Path.of("."), List.of(PYTHON, "-c", "import psutil"), 30).exitCode() == 0;
    }

    /** A /sys/block with one directory per disk of the model, so psutil's totals see those disks. */
    private static Path blockSysfs() throws IOException {
        Path block = Files.createTempDirectory("uprocfs-sysblock-");
        for (BlockDevice disk : machine().spec().disks()) {
            Files.createDirectories(block.resolve(disk.name().replace('/', '!')));
        }
        return block;
    }

    /** Deletes a temporary tree without following its symbolic links (the sysroot links to the mount). */
    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Machine machine() {
        return MOUNT.fs().modules().sharedObject(Machine.class).orElseThrow();
    }

    private static List<String> lines(String file) {
        return new String(Posix.readAll(MOUNT.path(file), 65536), StandardCharsets.UTF_8).lines().toList();
    }

    private static long meminfoKb(String field) {
        return lines("meminfo").stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).replace("kB", "").trim()))
                .findFirst().orElseThrow();
    }

    private static long number(String call, int index) {
        return Long.parseLong(psutil.get(call)[index]);
    }

    @Test
    void virtualMemory_totalIsMemTotalInBytes() {
        assertEquals(meminfoKb("MemTotal") * 1024, number("vm", 0));
        assertEquals(meminfoKb("MemAvailable") * 1024, number("vm", 1));
        assertEquals(meminfoKb("MemFree") * 1024, number("vm", 2));
    }

    @Test
    void cpuCount_isTheModelsCpuCount() {
        long processors = lines("cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
        assertEquals(machine().cpuCount(), number("cpu_count", 0));
        assertEquals(processors, number("cpu_count", 0));
    }

    @Test
    void bootTime_isBtimeOfStat() {
        long btime = lines("stat").stream().filter(l -> l.startsWith("btime "))
                .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElseThrow();
        assertEquals(btime, number("boot_time", 0));
    }

    @Test
    void swapMemory_matchesMeminfoAndVmstat() {
        assertEquals(meminfoKb("SwapTotal") * 1024, number("swap", 0));
        assertEquals(meminfoKb("SwapFree") * 1024, number("swap", 2));
        long pswpin = lines("vmstat").stream().filter(l -> l.startsWith("pswpin "))
                .mapToLong(l -> Long.parseLong(l.substring(7))).findFirst().orElseThrow();
        // psutil reports swapped-in pages in bytes.
        assertEquals(pswpin * 4096, number("swap", 3));
    }

    @Test
    void cpuTimes_areTheCpuLineInSeconds() {
        String[] ticks = lines("stat").get(0).split("\\s+");
        String[] seconds = psutil.get("cpu_times");
        for (int i = 0; i < seconds.length; i++) {
            assertEquals(Long.parseLong(ticks[i + 1]) / 100.0, Double.parseDouble(seconds[i]), 1e-6,
                    "column " + i);
        }
    }

    @Test
    void diskIoCounters_sumTheModelsDisks() {
        long reads = 0;
        long sectorsRead = 0;
        List<String> disks = machine().spec().disks().stream().map(BlockDevice::name).toList();
        for (String line : lines("diskstats")) {
            String[] f = line.trim().split("\\s+");
            if (disks.contains(f[2])) {
                reads += Long.parseLong(f[3]);
                sectorsRead += Long.parseLong(f[5]);
            }
        }
        assertTrue(reads > 0, "three hours of simulated I/O");
        assertEquals(reads, number("disk", 0));
        assertEquals(sectorsRead * 512, number("disk", 2));
    }

    @Test
    void netIoCounters_sumEveryInterface() {
        long bytes = 0;
        long packets = 0;
        for (String line : lines("net/dev").subList(2, lines("net/dev").size())) {
            String[] f = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
            bytes += Long.parseLong(f[0]);
            packets += Long.parseLong(f[1]);
        }
        assertEquals(bytes, number("net", 0));
        assertEquals(packets, number("net", 1));
    }

    @Test
    void getloadavg_parsesThreeAverages() {
        // os.getloadavg is glibc's getloadavg, which asks sysinfo(2) since glibc 2.33 rather than reading
        // /proc/loadavg, so these are the host's averages: only their shape can be checked here.
        String[] averages = psutil.get("load");
        assertEquals(3, averages.length);
        for (String average : averages) {
            assertTrue(Double.parseDouble(average) >= 0, average);
        }
    }
}
