package org.uprocfs.providers.hardware.sim;

import org.uprocfs.core.api.ProcClock;
import org.uprocfs.providers.hardware.model.TaskSpec;

/**
 * Load averages computed as the kernel's calc_load does: 11-bit fixed point, folded every LOAD_FREQ
 * (5 s + 1 jiffy) with the decay constants EXP_1, EXP_5 and EXP_15, rounding up while load rises.
 */
public final class LoadAverage {
    /** Bits of fraction in the fixed-point load. */
    public static final int FSHIFT = 11;
    /** 1.0 in fixed point. */
    public static final long FIXED_1 = 1L << FSHIFT;
    /** 1/exp(5s/1min) in fixed point. */
    public static final long EXP_1 = 1884;
    /** 1/exp(5s/5min) in fixed point. */
    public static final long EXP_5 = 2014;
    /** 1/exp(5s/15min) in fixed point. */
    public static final long EXP_15 = 2037;
    /** Jiffies between two folds. */
    public static final long LOAD_FREQ = 5L * ProcClock.HZ + 1;
    /**
     * Folds replayed per read: EXP_15^2400 is below 2^-15, so starting from zero this many samples back
     * gives the same averages as replaying since boot while each read stays cheap and time-pure.
     */
    static final int WINDOW = 2400;

    private final TaskSpec tasks;
    private final long key;

    LoadAverage(TaskSpec tasks, long seed) {
        this.tasks = tasks;
        this.key = Noise.key(seed, "load", 0);
    }

    /** One kernel fold of one average. */
    public static long calcLoad(long load, long exp, long active) {
        long newLoad = load * exp + active * (FIXED_1 - exp);
        if (active >= load) {
            newLoad += FIXED_1 - 1;
        }
        return newLoad / FIXED_1;
    }

    /** Runnable plus uninterruptible tasks seen at fold {@code sample}. */
    int activeAt(long sample) {
        double t = sample * (double) LOAD_FREQ / ProcClock.HZ;
        double mean = tasks.loadAverage() * (1 + 0.5 * Noise.wave(key, t));
        double value = mean + tasks.loadSpread() * (2 * Noise.unit(key, sample + 100) - 1);
        return (int) Math.max(0, Math.round(value));
    }

    /** The three fixed-point averages after all folds due by {@code jiffies}. */
    long[] averages(long jiffies) {
        long folds = jiffies / LOAD_FREQ;
        long[] avenrun = new long[3];
        for (long sample = Math.max(1, folds - WINDOW + 1); sample <= folds; sample++) {
            long active = activeAt(sample) * FIXED_1;
            avenrun[0] = calcLoad(avenrun[0], EXP_1, active);
            avenrun[1] = calcLoad(avenrun[1], EXP_5, active);
            avenrun[2] = calcLoad(avenrun[2], EXP_15, active);
        }
        return avenrun;
    }
}
