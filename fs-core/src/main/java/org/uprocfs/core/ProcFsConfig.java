package org.uprocfs.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.uprocfs.core.api.ProcClock;

/**
 * How a file system instance is put together: clock, randomness, module parameters, which modules
 * to load ({@code null} for all), the cap on one render's output and how long one handler call may run.
 */
public record ProcFsConfig(ProcClock clock, RandomGenerator random, Map<String, String> parameters,
        List<String> modules, long renderCapBytes, int kernelLogLines, Duration handlerTimeout) {

    /** The default cap on one render: 64 MiB. */
    public static final long DEFAULT_RENDER_CAP = 64L << 20;
    /** The default time one handler call may run before it is abandoned with EIO. */
    public static final Duration DEFAULT_HANDLER_TIMEOUT = Duration.ofSeconds(5);

    public ProcFsConfig {
        parameters = Map.copyOf(parameters);
        modules = modules == null ? null : List.copyOf(modules);
        if (renderCapBytes < org.uprocfs.core.api.SeqBuffer.PAGE_SIZE) {
            throw new IllegalArgumentException("the render cap must be at least one page: " + renderCapBytes);
        }
        if (handlerTimeout == null || handlerTimeout.isNegative()) {
            throw new IllegalArgumentException("the handler timeout must be zero (off) or positive: " + handlerTimeout);
        }
    }

    /** The configuration before the handler timeout existed; the timeout is the default. */
    public ProcFsConfig(ProcClock clock, RandomGenerator random, Map<String, String> parameters,
            List<String> modules, long renderCapBytes, int kernelLogLines) {
        this(clock, random, parameters, modules, renderCapBytes, kernelLogLines, DEFAULT_HANDLER_TIMEOUT);
    }

    /** Real-time clock, random seed, all modules. */
    public static ProcFsConfig defaults() {
        return new ProcFsConfig(SystemProcClock.startingAt(SystemProcClock.hostUptimeNanos()), new java.util.SplittableRandom(), Map.of(), null,
                DEFAULT_RENDER_CAP, 4096, DEFAULT_HANDLER_TIMEOUT);
    }

    /** The same configuration loading only the named modules. */
    public ProcFsConfig withModules(List<String> names) {
        return new ProcFsConfig(clock, random, parameters, names, renderCapBytes, kernelLogLines, handlerTimeout);
    }

    /** The same configuration with another clock. */
    public ProcFsConfig withClock(ProcClock newClock) {
        return new ProcFsConfig(newClock, random, parameters, modules, renderCapBytes, kernelLogLines, handlerTimeout);
    }

    /** The same configuration with other module parameters. */
    public ProcFsConfig withParameters(Map<String, String> newParameters) {
        return new ProcFsConfig(clock, random, newParameters, modules, renderCapBytes, kernelLogLines, handlerTimeout);
    }

    /** The same configuration with another render cap. */
    public ProcFsConfig withRenderCap(long capBytes) {
        return new ProcFsConfig(clock, random, parameters, modules, capBytes, kernelLogLines, handlerTimeout);
    }

    /** The same configuration with another handler timeout; zero turns the watchdog off. */
    public ProcFsConfig withHandlerTimeout(Duration timeout) {
        return new ProcFsConfig(clock, random, parameters, modules, renderCapBytes, kernelLogLines, timeout);
    }
}
