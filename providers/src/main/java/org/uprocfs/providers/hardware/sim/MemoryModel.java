package org.uprocfs.providers.hardware.sim;

import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.MemorySpec;
import org.uprocfs.providers.hardware.model.SwapArea;

/**
 * Moves anonymous memory, page cache and buffers on slow waves around the profile's values; free memory
 * absorbs the difference, and the swings are scaled so it never drops below a fifth of its starting value.
 *
 * <p>The vm sysctls bend the picture the way they bend a real machine's: swap in use scales with
 * {@code vm.swappiness} (the profile's use is what the default 60 gives; 0 leaves swap nearly empty, 200
 * fills it up to three times as fast), and CommitLimit and Committed_AS follow {@code vm.overcommit_ratio}
 * and {@code vm.overcommit_memory} as mm/util.c accounts them.
 */
final class MemoryModel {
    private static final double ANON_SWING = 0.15;
    private static final double CACHE_SWING = 0.10;
    private static final double BUFFER_SWING = 0.05;

    /** The swappiness the profile's swap use was observed at, the kernel default. */
    private static final double PROFILE_SWAPPINESS = 60;
    /** Strict accounting (overcommit_memory = 2) refuses commitments past CommitLimit. */
    private static final int OVERCOMMIT_NEVER = 2;

    private final Machine machine;
    private final long seed;
    private final VmTunables tunables;
    private final double scale;

    MemoryModel(Machine machine, long seed, VmTunables tunables) {
        this.machine = machine;
        this.seed = seed;
        this.tunables = tunables;
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
        double tendency = tunables.swappiness() / PROFILE_SWAPPINESS;
        for (int i = 0; i < machine.spec().swaps().size(); i++) {
            SwapArea swap = machine.spec().swaps().get(i);
            swapTotal += swap.sizeKb();
            long used = (long) (swap.usedKb() * tendency * (1 + 0.1 * Noise.wave(Noise.key(seed, "swap", i), t)));
            swapUsed += Math.min(swap.sizeKb(), Math.max(0, used));
        }
        long swapCached = Math.min(swapUsed / 16, cached);
        long commitLimit = commitLimit(m.totalKb(), swapTotal, tunables.overcommitRatio());
        // Anonymous memory is committed about three times over (stacks, reserved heaps), shared memory once;
        // under strict accounting the allocations past the limit fail, so the sum never exceeds it.
        long committed = anon * 3 + m.shmemKb();
        if (tunables.overcommitMemory() == OVERCOMMIT_NEVER) {
            committed = Math.min(committed, commitLimit);
        }
        return new MemorySnapshot(m.totalKb(), free, available(m.totalKb(), free, cached + buffers - m.shmemKb(),
                m.slabReclaimableKb()), buffers, cached, m.shmemKb(), anon, m.slabReclaimableKb(),
                m.slabUnreclaimableKb(), m.kernelStackKb(), m.pageTablesKb(), m.percpuKb(), m.vmallocUsedKb(),
                dirty, swapTotal, swapTotal - swapUsed, swapCached, commitLimit, committed);
    }

    /** vm_commit_limit: overcommit_ratio percent of RAM (no huge pages are reserved here) plus all swap. */
    static long commitLimit(long totalKb, long swapKb, int overcommitRatio) {
        return totalKb * Math.max(0, overcommitRatio) / 100 + swapKb;
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
