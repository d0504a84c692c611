package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.mount.session.MountOptions;

/** procps and util-linux tools read the simulated machine through the mount bound over /proc. */
class HardwareToolsIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("hardware", "sysctl", "fortune")
            .options(new MountOptions(true, true, false));

    @BeforeAll
    static void createUser() {
        OtherUser.ensureExists();
    }

    /** Runs a script in a private mount namespace where the mount is /proc. */
    private static Shell.Run asProc(String script) {
        return Shell.sh(Path.of("."), "unshare -m sh -c 'mount --bind " + MOUNT.root() + " /proc && " + script + "'");
    }

    private static Map<String, String> fields(String file, String separator) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(Posix.readAll(MOUNT.path(file), 65536), StandardCharsets.UTF_8).split("\n")) {
            int at = line.indexOf(separator);
            if (at > 0) {
                out.putIfAbsent(line.substring(0, at).trim(), line.substring(at + separator.length()).trim());
            }
        }
        return out;
    }

    @Test
    void free_printsTheModelsMemTotal() throws IOException {
        long memTotal = Long.parseLong(fields("meminfo", ":").get("MemTotal").replace(" kB", ""));
        Shell.Run free = asProc("free -k");
        assertEquals(0, free.exitCode(), free.stderr());
        String mem = free.stdout().lines().filter(l -> l.startsWith("Mem:")).findFirst().orElseThrow();
        assertEquals(memTotal, Long.parseLong(mem.split("\\s+")[1]), free.stdout());
        assertTrue(free.stderr().isEmpty(), free.stderr());
    }

    @Test
    void uptime_printsUptimeAndLoad() {
        Shell.Run uptime = asProc("uptime");
        assertEquals(0, uptime.exitCode(), uptime.stderr());
        assertTrue(uptime.stdout().contains(" up ") && uptime.stdout().contains("load average: "), uptime.stdout());
    }

    @Test
    void vmstat_twoSamples_seeNewNumbersEachTime() {
        Shell.Run vmstat = asProc("vmstat 1 2");
        assertEquals(0, vmstat.exitCode(), vmstat.stderr());
        List<String> lines = vmstat.stdout().lines().toList();
        assertEquals(4, lines.size(), vmstat.stdout());
        // vmstat keeps /proc/stat open and seeks to 0 per sample; the second sample is the one-second delta.
        assertNotEquals(lines.get(2), lines.get(3), "vmstat must see new numbers: " + vmstat.stdout());
    }

    @Test
    void lscpu_withModelSysfs_printsCpuCountAndModelName() throws IOException {
        Map<String, String> cpu = fields("cpuinfo", ":");
        int cpus = (int) new String(Posix.readAll(MOUNT.path("cpuinfo"), 65536), StandardCharsets.UTF_8)
                .lines().filter(l -> l.startsWith("processor")).count();
        Path sysroot = CpuSysfs.build(MOUNT.root(), MOUNT.path("cpuinfo"));
        Shell.Run lscpu = Shell.run(Path.of("."), List.of("lscpu", "--sysroot", sysroot.toString()), 30);
        assertEquals(0, lscpu.exitCode(), lscpu.stderr());
        assertTrue(lscpu.stdout().lines().anyMatch(l -> l.matches("CPU\\(s\\):\\s+" + cpus)), lscpu.stdout());
        assertTrue(lscpu.stdout().contains(cpu.get("model name")), lscpu.stdout());
        assertTrue(lscpu.stdout().lines().anyMatch(l -> l.matches("Socket\\(s\\):\\s+[1-9]\\d*")), lscpu.stdout());
    }

    @Test
    void lsmod_listsLoadedModules() throws IOException {
        Path sysModule = Files.createTempDirectory("uprocfs-sysmodule-");
        for (String line : Files.readAllLines(MOUNT.path("modules"))) {
            Path module = Files.createDirectories(sysModule.resolve(line.split(" ")[0]).resolve("holders"));
            Files.writeString(module.getParent().resolve("refcnt"), "0\n");
            Files.writeString(module.getParent().resolve("initstate"), "live\n");
        }
        Shell.Run lsmod = asProc("mount --bind " + sysModule + " /sys/module && lsmod");
        assertEquals(0, lsmod.exitCode(), lsmod.stderr());
        assertTrue(lsmod.stdout().lines().anyMatch(l -> l.startsWith("fortune ")), lsmod.stdout());
        assertTrue(lsmod.stdout().lines().anyMatch(l -> l.startsWith("hardware ")), lsmod.stdout());
    }

    @Test
    void kallsyms_fourKibReadsEqualOneLargeRead_andReportsThroughput() {
        long start = System.nanoTime();
        byte[] large = Posix.readAll(MOUNT.path("kallsyms"), 131072);
        long largeNanos = System.nanoTime() - start;
        start = System.nanoTime();
        byte[] small = Posix.readAll(MOUNT.path("kallsyms"), 4096);
        long smallNanos = System.nanoTime() - start;
        assertTrue(large.length > 2_000_000, "kallsyms is several MiB, was " + large.length);
        assertArrayEquals(large, small);
        System.out.printf("kallsyms %d bytes: %.1f MB/s with 128 KiB reads, %.1f MB/s with 4 KiB reads%n",
                large.length, large.length / (largeNanos / 1e3), small.length / (smallNanos / 1e3));
    }

    @Test
    void iomemAndIoports_nonRootReader_seesZeroedAddresses() {
        Shell.Run asRoot = Shell.sh(MOUNT.root(), "head -3 iomem");
        Shell.Run asUser = OtherUser.sh(MOUNT.root(), "head -3 iomem; head -3 ioports");
        assertEquals(0, asUser.exitCode(), asUser.stderr());
        assertTrue(asRoot.stdout().lines().anyMatch(l -> !l.trim().startsWith("00000000-00000000")), asRoot.stdout());
        for (String line : asUser.stdout().split("\n")) {
            assertTrue(line.trim().matches("0+-0+ : .*"), line);
        }
    }

    /** A sysfs CPU tree matching the served cpuinfo, for lscpu --sysroot (lscpu counts CPUs from sysfs). */
    static final class CpuSysfs {
        static Path build(Path procRoot, Path cpuinfo) throws IOException {
            Path root = Files.createTempDirectory("uprocfs-sysroot-");
            Files.createSymbolicLink(root.resolve("proc"), procRoot);
            Path cpuDir = Files.createDirectories(root.resolve("sys/devices/system/cpu"));
            List<int[]> cpus = new ArrayList<>();
            int package0 = 0;
            for (String block : new String(Posix.readAll(cpuinfo, 262144), StandardCharsets.UTF_8).split("\n\n")) {
                Map<String, String> f = new LinkedHashMap<>();
                for (String line : block.split("\n")) {
                    int at = line.indexOf(':');
                    if (at > 0) {
                        f.put(line.substring(0, at).trim(), line.substring(at + 1).trim());
                    }
                }
                if (f.containsKey("processor")) {
                    cpus.add(new int[] {Integer.parseInt(f.get("processor")),
                            Integer.parseInt(f.getOrDefault("physical id", Integer.toString(package0))),
                            Integer.parseInt(f.getOrDefault("core id", f.get("processor")))});
                }
            }
            String all = "0-" + (cpus.size() - 1) + "\n";
            for (String name : List.of("possible", "present", "online")) {
                Files.writeString(cpuDir.resolve(name), all);
            }
            for (int[] cpu : cpus) {
                Path topology = Files.createDirectories(cpuDir.resolve("cpu" + cpu[0]).resolve("topology"));
                Files.writeString(topology.getParent().resolve("online"), "1\n");
                Files.writeString(topology.resolve("physical_package_id"), cpu[1] + "\n");
                Files.writeString(topology.resolve("core_id"), cpu[2] + "\n");
                Files.writeString(topology.resolve("die_id"), "0\n");
                Files.writeString(topology.resolve("thread_siblings_list"), list(cpus, c -> c[1] == cpu[1] && c[2] == cpu[2]));
                Files.writeString(topology.resolve("core_siblings_list"), list(cpus, c -> c[1] == cpu[1]));
                Files.writeString(topology.resolve("core_cpus_list"), list(cpus, c -> c[1] == cpu[1] && c[2] == cpu[2]));
                Files.writeString(topology.resolve("package_cpus_list"), list(cpus, c -> c[1] == cpu[1]));
                // util-linux reads the hex cpumask files as well as the lists.
                Files.writeString(topology.resolve("thread_siblings"), mask(cpus, c -> c[1] == cpu[1] && c[2] == cpu[2]));
                Files.writeString(topology.resolve("core_siblings"), mask(cpus, c -> c[1] == cpu[1]));
                Files.writeString(topology.resolve("die_cpus"), mask(cpus, c -> c[1] == cpu[1]));
            }
            return root;
        }

        private static String mask(List<int[]> cpus, java.util.function.Predicate<int[]> filter) {
            java.math.BigInteger bits = java.math.BigInteger.ZERO;
            for (int[] cpu : cpus) {
                if (filter.test(cpu)) {
                    bits = bits.setBit(cpu[0]);
                }
            }
            // cpumask_print: 32-bit hex words, most significant first, joined by commas.
            String hex = bits.toString(16);
            int words = Math.max(1, (cpus.size() + 31) / 32);
            hex = "0".repeat(Math.max(0, words * 8 - hex.length())) + hex;
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 8) {
                out.append(i == 0 ? "" : ",").append(hex, i, i + 8);
            }
            return out.append('\n').toString();
        }

        private static String list(List<int[]> cpus, java.util.function.Predicate<int[]> filter) {
            StringBuilder out = new StringBuilder();
            for (int[] cpu : cpus) {
                if (filter.test(cpu)) {
                    out.append(out.length() == 0 ? "" : ",").append(cpu[0]);
                }
            }
            return out.append('\n').toString();
        }
    }
}
