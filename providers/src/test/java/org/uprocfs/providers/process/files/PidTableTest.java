package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.providers.process.files.PidFixtures.render;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.process.model.ProcessSnapshot;
import org.uprocfs.providers.process.model.SimProcess;
import org.uprocfs.providers.process.model.SimThread;

/** Every renderer over every member of the real simulated table: nothing fails and the shapes hold. */
class PidTableTest {
    private static final long UPTIME = 3_600_000_000_000L;

    @Test
    void everyProcess_rendersEveryFileWithTheKernelShapes() {
        Simulation sim = new Simulation(ProfileLoader.loadDefault(), 42);
        ProcessSnapshot snapshot = sim.processes().at(UPTIME);
        int cpus = sim.machine().cpus().size();
        List<SimProcess> processes = snapshot.processes();
        assertTrue(processes.size() > 10, "only " + processes.size() + " processes");
        for (SimProcess p : processes) {
            for (SimThread t : p.threads()) {
                String stat = render(m -> PidStat.show(m, p, t, t.tid() == p.tgid(), true));
                String after = stat.substring(stat.lastIndexOf(')') + 2).trim();
                assertEquals(50, after.split(" ").length, stat);
                assertTrue(Long.parseLong(after.split(" ")[19]) <= UPTIME / 10_000_000, stat);
                String status = render(m -> PidStatus.show(m, p, t, cpus));
                for (String line : status.split("\n")) {
                    assertTrue(line.matches("[A-Za-z_0-9]+:\t.*"), p.tgid() + ": " + line);
                }
                assertEquals(p.memory() != null, status.contains("\nVmRSS:\t"), status);
                render(m -> PidSched.showSched(m, p, t, UPTIME, cpus));
                render(m -> PidSched.showSchedstat(m, t));
                render(m -> PidSyscall.showSyscall(m, p, t));
                render(m -> PidSyscall.showStack(m, p, t));
                render(m -> PidValues.showWchan(m, t, true));
                render(m -> PidIo.show(m, t.io()));
                render(m -> PidFiles.showChildren(m, snapshot.children(t.tid())));
            }
            render(m -> PidStatm.show(m, p));
            render(m -> PidCmdline.showCmdline(m, p));
            render(m -> PidMaps.showMaps(m, p));
            render(m -> PidMaps.showSmaps(m, p));
            render(m -> PidLimits.show(m, p.limits()));
            render(m -> PidCgroup.showCgroup(m, p));
            render(m -> PidValues.showOomAdj(m, p));
            p.fds().forEach(fd -> render(m -> PidFiles.showFdinfo(m, fd)));
            PidFiles.NAMESPACE_NAMES.forEach(name -> PidFiles.namespaceTarget(p.namespaces(), name));
            for (Runnable needsMm : List.<Runnable>of(() -> render(m -> PidCmdline.showEnviron(m, p)),
                    () -> render(m -> PidMaps.showSmapsRollup(m, p)))) {
                try {
                    needsMm.run();
                    assertTrue(p.memory() != null, "rendered without an mm: " + p.tgid());
                } catch (ProcException e) {
                    assertEquals(Errno.ESRCH, e.errno());
                    assertTrue(p.memory() == null);
                }
            }
        }
    }
}
