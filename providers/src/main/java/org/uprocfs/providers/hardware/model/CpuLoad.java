package org.uprocfs.providers.hardware.model;

/** The average share of time a CPU spends in each non-idle state of /proc/stat; idle takes the rest. */
public record CpuLoad(double user, double nice, double system, double iowait, double irq, double softirq,
        double steal) {

    /** The sum of all busy shares. */
    public double busy() {
        return user + nice + system + iowait + irq + softirq + steal;
    }
}
