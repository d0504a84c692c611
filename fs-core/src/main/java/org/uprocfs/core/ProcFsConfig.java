package org.uprocfs.core;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How a file system instance is put together: clock, randomness, module parameters, which modules
 * to load ({@code null} for all), and the cap on one render's output.
 */
public record ProcFsConfig(ProcClock clock, RandomGenerator random, Map<String, String> parameters,
        List<String> modules, long renderCapBytes, int kernelLogLines) {

    /** The default cap on one render: 64 MiB. */
    public static final long DEFAULT_RENDER_CAP = 64L << 20;

    public ProcFsConfig {
        parameters = Map.copyOf(parameters);
        modules = modules == null ? null : List.copyOf(modules);
    }

    /** Real-time clock, random seed, all modules. */
    public static ProcFsConfig defaults() {
        return new ProcFsConfig(SystemProcClock.startingAt(0), new java.util.SplittableRandom(), Map.of(), null,
                DEFAULT_RENDER_CAP, 4096);
    }

    /** The same configuration loading only the named modules. */
    public ProcFsConfig withModules(List<String> names) {
        return new ProcFsConfig(clock, random, parameters, names, renderCapBytes, kernelLogLines);
    }

    /** The same configuration with another clock. */
    public ProcFsConfig withClock(ProcClock newClock) {
        return new ProcFsConfig(newClock, random, parameters, modules, renderCapBytes, kernelLogLines);
    }

    /** The same configuration with other module parameters. */
    public ProcFsConfig withParameters(Map<String, String> newParameters) {
        return new ProcFsConfig(clock, random, newParameters, modules, renderCapBytes, kernelLogLines);
    }

    /** The same configuration with another render cap. */
    public ProcFsConfig withRenderCap(long capBytes) {
        return new ProcFsConfig(clock, random, parameters, modules, capBytes, kernelLogLines);
    }
}
