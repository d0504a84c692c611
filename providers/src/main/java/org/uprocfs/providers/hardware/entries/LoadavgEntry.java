package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.sim.LoadAverage;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.hardware.sim.TaskSnapshot;

/** /proc/loadavg: the three averages rounded as get_avenrun(FIXED_1/200) does, running/threads, and the last pid. */
public final class LoadavgEntry implements ShowHandler {
    private final Simulation sim;
    private final ProcClock clock;

    public LoadavgEntry(Simulation sim, ProcClock clock) {
        this.sim = sim;
        this.clock = clock;
    }

    @Override
    public void show(SeqBuffer m) {
        TaskSnapshot tasks = sim.tasks(clock.uptimeNanos());
        for (long average : tasks.loadAverages()) {
            long rounded = average + LoadAverage.FIXED_1 / 200;
            long whole = rounded >> LoadAverage.FSHIFT;
            long hundredths = ((rounded & (LoadAverage.FIXED_1 - 1)) * 100) >> LoadAverage.FSHIFT;
            Fields.decZero(m.putLong(whole).putc('.'), hundredths, 2).putc(' ');
        }
        m.putLong(tasks.running()).putc('/').putLong(tasks.threads()).putc(' ').putLong(tasks.lastPid()).putc('\n');
    }
}
