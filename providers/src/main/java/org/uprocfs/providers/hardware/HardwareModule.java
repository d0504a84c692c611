package org.uprocfs.providers.hardware;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;
import org.uprocfs.providers.hardware.sim.VmTunables;
import org.uprocfs.providers.sysctl.SysctlTable;
import org.uprocfs.providers.uts.UtsName;

/**
 * The {@code hardware} module: loads the machine profile (parameter {@code machine}, else the embedded one),
 * publishes it to other modules, and serves the hardware-info files from a seeded simulation.
 *
 * <p>It is wired to the rest of the kernel through shared objects, so either load order works: the machine
 * boots its kernel identity and host name into the shared {@link UtsName} that {@code kernel/hostname},
 * {@code kernel/osrelease} and friends read, and its memory follows the {@code vm.*} rows of the shared
 * sysctl table, which read as the kernel defaults while the sysctl module is not loaded.
 */
public final class HardwareModule implements ProcModule {
    private static final Logger LOG = LoggerFactory.getLogger(HardwareModule.class);

    @Override
    public String name() {
        return "hardware";
    }

    @Override
    public long size() {
        return 65536;
    }

    @Override
    public void init(ProcContext context) {
        HardwareEntries.register(context, shared(context));
    }

    /**
     * The one simulation of the machine every module renders from (hardware files, processes), made by the
     * first module that asks: the profile of parameter {@code machine} or the embedded one, the seed, and
     * memory that follows the shared sysctl table's {@code vm.*} rows.
     */
    public static Simulation shared(ProcContext context) {
        return context.shared(Simulation.class, () -> {
            Optional<String> profile = context.parameter("machine");
            UtsName uts = UtsName.shared(context);
            Machine machine = context.shared(Machine.class, () -> new Machine(profile
                    .map(file -> ProfileLoader.loadFile(Path.of(file)))
                    .orElseGet(ProfileLoader::loadDefault).spec(), uts));
            long seed = seed(context);
            LOG.info("hardware: simulating {} ({} CPUs) with seed {}", machine.spec().name(), machine.cpuCount(), seed);
            VmTunables tunables = new SysctlVmTunables(SysctlTable.shared(context));
            return new Simulation(machine, seed, tunables);
        });
    }

    /** The {@code seed} parameter; without it the daemon's random source, itself seeded by {@code --seed}. */
    private static long seed(ProcContext context) {
        Optional<String> text = context.parameter("seed");
        if (text.isEmpty()) {
            return context.random().nextLong();
        }
        try {
            return Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            throw new ProcException(Errno.EINVAL, "hardware: seed is not a number: " + text.get());
        }
    }
}
