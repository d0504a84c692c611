package org.uprocfs.providers.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.io.ReadSink;

/** Not a test: what ps aux costs the engine over a profile given in -Dprobe.machine, on a real clock. */
class PsAuxProbe {
    @Test
    void probe() {
        String machine = System.getProperty("probe.machine");
        if (machine == null) {
            return;
        }
        long start = System.nanoTime();
        ProcClock clock = new ProcClock() {
            public long uptimeNanos() {
                return 3_600_000_000_000L + (System.nanoTime() - start);
            }

            public Instant now() {
                return Instant.now();
            }
        };
        ProcFs fs = ProcFs.start(ProcFsConfig.defaults().withClock(clock).withModules(List.of("process"))
                .withParameters(Map.of("machine", machine, "seed", "42")), Map.of("process", ProcessModule::new));
        byte[] buf = new byte[131072];
        for (int pass = 0; pass < Integer.getInteger("probe.passes", 12); pass++) {
            long t0 = System.nanoTime();
            int ops = 0;
            List<String> names = fs.list("/");
            for (String name : names) {
                if (!name.matches("\\d+")) {
                    continue;
                }
                try {
                    fs.stat("/" + name);
                    for (String f : new String[] {"stat", "status", "cmdline", "environ"}) {
                        fs.stat("/" + name + "/" + f);
                        long h = fs.open("/" + name + "/" + f, OpenRequest.O_RDONLY, Caller.ROOT);
                        int n = fs.read(h, 0, buf.length, ReadSink.of(buf));
                        fs.read(h, n, buf.length, ReadSink.of(buf));
                        fs.release(h);
                        ops += 3;
                    }
                } catch (RuntimeException e) {
                    // exited meanwhile
                }
            }
            long t1 = System.nanoTime();
            System.out.printf("PROBE pass %d: %d pids, %d ops, %.1f ms, %.1f us/op%n", pass, names.size() - 2, ops,
                    (t1 - t0) / 1e6, (t1 - t0) / 1e3 / ops);
        }
    }
}
