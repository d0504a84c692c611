package org.uprocfs.providers.hardware;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.Errno;
import org.uprocfs.core.ProcException;
import org.uprocfs.core.module.ProcContext;
import org.uprocfs.core.module.ProcModule;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.profile.ProfileLoader;
import org.uprocfs.providers.hardware.sim.Simulation;

/**
 * The {@code hardware} module: loads the machine profile (parameter {@code machine}, else the embedded one),
 * publishes it to other modules, and serves the hardware-info files from a seeded simulation.
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
        Optional<String> profile = context.parameter("machine");
        Machine machine = context.shared(Machine.class, () -> profile
                .map(file -> ProfileLoader.loadFile(Path.of(file)))
                .orElseGet(ProfileLoader::loadDefault));
        long seed = seed(context);
        LOG.info("hardware: simulating {} ({} CPUs) with seed {}", machine.spec().name(), machine.cpuCount(), seed);
        HardwareEntries.register(context, new Simulation(machine, seed));
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
