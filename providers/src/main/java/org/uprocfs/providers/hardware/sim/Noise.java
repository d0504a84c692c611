package org.uprocfs.providers.hardware.sim;

/**
 * Seeded, stateless randomness: every value is a pure function of the seed, a name and a time, so a frozen
 * clock gives the same text on every read and thread. StrictMath keeps results equal across JVMs.
 */
public final class Noise {
    private static final double TWO_PI = 2 * Math.PI;
    /** Warps move a counter at 70..130% of its average rate, so warped time never runs backwards. */
    private static final double WARP_DEPTH = 0.3;

    private Noise() {
    }

    /** The splitmix64 finalizer: a good 64-bit mix of one value. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A stream key for one named quantity, e.g. ("irq", 24) or ("cpu.user", 3). */
    public static long key(long seed, String name, long index) {
        return mix(seed ^ mix(name.hashCode() * 0x9e3779b97f4a7c15L + index));
    }

    /** A uniform double in [0, 1) for a key and a bucket (a time slot, a sample number). */
    public static double unit(long key, long bucket) {
        return (mix(key + bucket * 0x9e3779b97f4a7c15L) >>> 11) * 0x1.0p-53;
    }

    /**
     * Time bent by a slow wave: {@code t + A(sin(wt+p) - sin p)} with {@code A*w} below one, so it starts at 0,
     * always grows, and a counter {@code floor(rate * warp(t))} only increases while its rate seems to vary.
     */
    public static double warp(long key, double seconds) {
        double period = 60 + 540 * unit(key, 1);
        double omega = TWO_PI / period;
        double phase = TWO_PI * unit(key, 2);
        double amplitude = WARP_DEPTH / omega;
        return seconds + amplitude * (StrictMath.sin(omega * seconds + phase) - StrictMath.sin(phase));
    }

    /** A smooth wave in [-1, 1] mixing two seeded periods between one minute and an hour. */
    public static double wave(long key, double seconds) {
        double p1 = 60 + 600 * unit(key, 3);
        double p2 = 600 + 3000 * unit(key, 4);
        return 0.6 * StrictMath.sin(TWO_PI * (seconds / p1 + unit(key, 5)))
                + 0.4 * StrictMath.sin(TWO_PI * (seconds / p2 + unit(key, 6)));
    }

    /** A per-object factor in [low, high), fixed for the run; spreads identical devices apart. */
    public static double factor(long key, double low, double high) {
        return low + (high - low) * unit(key, 7);
    }
}
