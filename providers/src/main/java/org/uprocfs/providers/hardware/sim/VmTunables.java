package org.uprocfs.providers.hardware.sim;

/**
 * The {@code vm.*} sysctls the simulated memory follows, asked at every render so a write shows at once;
 * implementations must be safe to call from any thread.
 */
public interface VmTunables {
    /** The kernel's compiled-in values: swappiness 60, heuristic overcommit, overcommit_ratio 50. */
    VmTunables DEFAULTS = new Fixed(60, 0, 50);

    /** {@code vm.swappiness}, 0..200: how readily anonymous memory goes to swap. */
    int swappiness();

    /** {@code vm.overcommit_memory}: 0 heuristic, 1 always, 2 never (strict accounting). */
    int overcommitMemory();

    /** {@code vm.overcommit_ratio}: the percentage of RAM that counts toward CommitLimit. */
    int overcommitRatio();

    /** Values that never change, for tests and for a machine without sysctl. */
    record Fixed(int swappiness, int overcommitMemory, int overcommitRatio) implements VmTunables {
    }
}
