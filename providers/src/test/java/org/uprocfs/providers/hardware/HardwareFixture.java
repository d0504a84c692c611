package org.uprocfs.providers.hardware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.io.ReadSink;

/** A file system with only the hardware module, a manual clock and a fixed seed; reads files through the engine. */
final class HardwareFixture implements AutoCloseable {
    static final Instant BOOT = Instant.parse("2026-01-15T08:00:00Z");
    static final Duration UPTIME = Duration.ofHours(3).plusMinutes(25).plusSeconds(17).plusMillis(420);
    static final long SEED = 42;
    /** Every file the module serves. */
    static final List<String> FILES = List.of("cpuinfo", "meminfo", "stat", "uptime", "loadavg", "version", "cmdline",
            "interrupts", "softirqs", "iomem", "ioports", "dma", "devices", "partitions", "diskstats", "filesystems",
            "swaps", "vmstat", "buddyinfo", "mounts", "net/dev", "net/route", "net/arp", "bus/pci/devices", "kallsyms");

    final ManualClock clock;
    final ProcFs fs;

    HardwareFixture() {
        this(Map.of("seed", Long.toString(SEED)));
    }

    HardwareFixture(Map<String, String> parameters) {
        clock = new ManualClock(BOOT, UPTIME);
        fs = ProcFs.start(ProcFsConfig.defaults().withClock(clock).withParameters(parameters)
                .withModules(List.of("hardware")), Map.of("hardware", HardwareModule::new));
    }

    String read(String path) {
        return read(path, Caller.ROOT, 1 << 16);
    }

    String read(String path, Caller caller, int chunk) {
        return new String(readBytes(path, caller, chunk), StandardCharsets.UTF_8);
    }

    byte[] readBytes(String path, Caller caller, int chunk) {
        long handle = fs.open(path, 0, caller);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[chunk];
            long offset = 0;
            int n;
            while ((n = fs.read(handle, offset, chunk, ReadSink.of(buf))) > 0) {
                out.write(buf, 0, n);
                offset += n;
            }
            return out.toByteArray();
        } finally {
            fs.release(handle);
        }
    }

    @Override
    public void close() {
        fs.shutdown();
    }
}
