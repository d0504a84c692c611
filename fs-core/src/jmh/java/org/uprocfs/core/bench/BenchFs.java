package org.uprocfs.core.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/** The file system every benchmark reads: a 1 MiB seq file, a small show file and a 64 KiB read_proc file. */
final class BenchFs {
    /** Bytes of {@code /big}: exactly 1 MiB, 16384 records of 64 bytes. */
    static final int BIG_BYTES = 1 << 20;
    /** Bytes of {@code /legacy}: 64 KiB. */
    static final int LEGACY_BYTES = 64 * 1024;

    private BenchFs() {
    }

    static ProcFs start() {
        ProcFsConfig config = ProcFsConfig.defaults()
                .withClock(new ManualClock(Instant.parse("2024-03-01T10:00:00Z"), Duration.ofSeconds(100)));
        return ProcFs.start(config, Map.of("bench", () -> new ProcModule() {
            @Override
            public String name() {
                return "bench";
            }

            @Override
            public void init(ProcContext context) {
                context.create(null, "big", 0444, ProcHandlers.seq(new Records(BIG_BYTES / 64)));
                context.create(null, "small", 0444, ProcHandlers.show(buffer ->
                        buffer.puts("MemTotal:       16316412 kB\n").puts("MemFree:         8123456 kB\n")
                                .puts("Uptime: ").putLong(context.clock().uptimeNanos()).putc('\n')));
                byte[] content = new byte[LEGACY_BYTES];
                for (int i = 0; i < content.length; i++) {
                    content[i] = (byte) ('a' + i % 26);
                }
                context.create(null, "legacy", 0444, ProcHandlers.legacy((page, offset, count) -> {
                    if (offset >= content.length) {
                        return 0;
                    }
                    int n = (int) Math.min(count, content.length - offset);
                    page.write(content, (int) offset, n);
                    page.setStart(0);
                    if (offset + n >= content.length) {
                        page.setEof();
                    }
                    return n;
                }));
            }
        }));
    }

    /** A seq of 64-byte records, printed field by field as hardware files are. */
    private record Records(long count) implements SeqOperations<Long> {
        @Override
        public Long start(long position) {
            return position < count ? position : null;
        }

        @Override
        public Long next(Long item, long position) {
            return position < count ? position : null;
        }

        @Override
        public void show(SeqBuffer buffer, Long item) {
            // 6 + 10 + 1 + 10 + 36 + 1 = 64 bytes.
            buffer.puts("irq   ").putLongPadded(item, 10).putc(' ').putLongPadded(item * 7, 10)
                    .puts(" IO-APIC   2-edge      timer        ").putc('\n');
        }
    }
}
