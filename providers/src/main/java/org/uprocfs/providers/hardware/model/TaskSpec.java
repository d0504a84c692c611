package org.uprocfs.providers.hardware.model;

/** How busy the scheduler is: average runnable tasks, thread count, fork and context-switch rates. */
public record TaskSpec(double loadAverage, double loadSpread, int threads, long bootForks, double forksPerSec,
        double contextSwitchesPerSec, int maxBlocked) {
}
