package org.uprocfs.providers.hardware.sim;

import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.MemorySpec;
import org.uprocfs.providers.hardware.model.SwapArea;

/**
 * Moves anonymous memory, page cache and buffers on slow waves around the profile's values; free memory
 * absorbs the difference, and the swings are scaled so it never drops below a fifth of its starting value.
 */
final class MemoryModel {
    private static final double ANON_SWING = 0.15;
    private static final double CACHE_SWING = 0.10;
    private static final double BUFFER_SWING = 0.05;

    private final Machine machine;
    private final long seed;
    private final double scale;

    MemoryModel(Machine machine, long seed) {
        this.machine = machine;
        this.seed = seed;
        MemorySpec m = machine.spec().memory();
        double worst = ANON_SWING * m.anonKb() + CACHE_SWING * m.cachedKb() + BUFFER_SWING * m.buffersKb();
        this.scale = worst <= 0 ? 0 : Math.min(1, 0.8 * m.freeKb() / worst);
    }

    MemorySnapshot at(long uptimeNanos) {
        double t = uptimeNanos / 1e9;
        MemorySpec m = machine.spec().memory();
        long anon = swing(m.anonKb(), ANON_SWING, "mem.anon", t);
        long cached = Math.max(m.shmemKb(), swing(m.cachedKb(), CACHE_SWING, "mem.cache", t));
        long buffers = swing(m.buffersKb(), BUFFER_SWING, "mem.buffers", t);
        long kernel = m.slabReclaimableKb() + m.slabUnreclaimableKb() + m.kernelStackKb() + m.pageTablesKb()
                + m.percpuKb();
        long free = Math.max(0, m.totalKb() - anon - cached - buffers - kernel);
        long dirty = (long) (cached * 0.0004 * (1.2 + Noise.wave(Noise.key(seed, "mem.dirty", 0), t)));
        long swapTotal = 0;
        long swapUsed = 0;
        for (int i = 0; i < machine.spec().swaps().size(); i++) {
            SwapArea swap = machine.spec().swaps().get(i);
            swapTotal += swap.sizeKb();
            long used = (long) (swap.usedKb() * (1 + 0.1 * Noise.wave(Noise.key(seed, "swap", i), t)));
            swapUsed += Math.min(swap.sizeKb(), Math.max(0, used));
        }
        long swapCached = Math.min(swapUsed / 16, cached);
        return new MemorySnapshot(m.totalKb(), free, available(m.totalKb(), free, cached + buffers - m.shmemKb(),
                m.slabReclaimableKb()), buffers, cached, m.shmemKb(), anon, m.slabReclaimableKb(),
                m.slabUnreclaimableKb(), m.kernelStackKb(), m.pageTablesKb(), m.percpuKb(), m.vmallocUsedKb(),
                dirty, swapTotal, swapTotal - swapUsed, swapCached);
    }

    /**
     * si_mem_available: free pages above the reserve, plus the page cache and reclaimable slab that could be
     * dropped without going under the low watermark; never more than MemTotal since those parts are disjoint.
     */
    static long available(long total, long free, long fileCache, long reclaimable) {
        long lowWatermark = total / 256;
        long reserve = total / 160;
        long available = free - reserve;
        available += fileCache - Math.min(fileCache / 2, lowWatermark);
        available += reclaimable - Math.min(reclaimable / 2, lowWatermark);
        return Math.max(0, Math.min(total, available));
    }

    private long swing(long base, double depth, String name, double t) {
        return Math.max(0, Math.round(base * (1 + depth * scale * Noise.wave(Noise.key(seed, name, 0), t))));
    }
}
