package org.uprocfs.providers.process.model;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;

/** Not a test: what building every process record of one snapshot costs, over -Dprobe.machine. */
class BuildProbe {
    @Test
    void probe() throws Exception {
        String machine = System.getProperty("probe.machine");
        if (machine == null) {
            return;
        }
        ProcessTable table = new Simulation(ProfileLoader.loadFile(Path.of(machine)), 42).processes();
        long t = 3_600_000_000_000L;
        for (int pass = 0; pass < Integer.getInteger("probe.passes", 40); pass++) {
            t += ProcessTable.JIFFY_NANOS;
            long t0 = System.nanoTime();
            ProcessSnapshot snap = table.at(t);
            long t1 = System.nanoTime();
            int[] pids = snap.pids();
            for (int pid : pids) {
                snap.process(pid);
            }
            long t2 = System.nanoTime();
            System.out.printf("BUILD pass %d: snapshot %.0f us, %d records %.1f ms (%.1f us each)%n", pass,
                    (t1 - t0) / 1e3, pids.length, (t2 - t1) / 1e6, (t2 - t1) / 1e3 / pids.length);
        }
    }
}
