package org.uprocfs.providers.hardware.model;

/** One softirq vector with the rate each CPU raises it per second. */
public record SoftirqRate(String name, double ratePerCpu) {
}
