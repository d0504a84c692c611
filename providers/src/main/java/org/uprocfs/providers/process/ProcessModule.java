package org.uprocfs.providers.process;

import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.providers.hardware.HardwareModule;
import org.uprocfs.providers.process.host.HostProc;
import org.uprocfs.providers.process.host.Visitors;

/**
 * The {@code process} module: {@code /proc/self}, {@code /proc/thread-self} and a directory per process,
 * for the simulated machine's processes and for the real processes that read the mount.
 */
public final class ProcessModule implements ProcModule {

    @Override
    public String name() {
        return "process";
    }

    @Override
    public long size() {
        return 32768;
    }

    @Override
    public void init(ProcContext context) {
        HostProc host = HostProc.system();
        DirectoryOps network = context.view("/net");
        SimulatedPids simulated = SimulatedTasks.of(HardwareModule.shared(context), context.clock(), network);
        context.computed(null, new PidRoot(simulated, new Visitors(host), host, network));
    }
}
