package org.uprocfs.providers.hardware.model;

import java.util.ArrayList;
import java.util.List;

/** Lays logical CPUs out over sockets, cores and threads the way Linux numbers them on x86. */
final class CpuTopology {
    private CpuTopology() {
    }

    /**
     * Numbers first threads of every core before second threads (cpu0 and cpu4 are siblings on a 4-core,
     * 8-thread part), and gives APIC ids with the thread in the low bits, as Intel and AMD firmware does.
     */
    static List<Cpu> layout(CpuSpec spec) {
        int cores = spec.sockets() * spec.coresPerSocket();
        int siblings = spec.coresPerSocket() * spec.threadsPerCore();
        int threadBits = bitsFor(spec.threadsPerCore());
        int packageBits = bitsFor(spec.coresPerSocket()) + threadBits;
        List<Cpu> cpus = new ArrayList<>(spec.count());
        for (int p = 0; p < spec.count(); p++) {
            int thread = p / cores;
            int core = p % cores;
            int socket = core / spec.coresPerSocket();
            int coreId = core % spec.coresPerSocket();
            int apicid = (socket << packageBits) | (coreId << threadBits) | thread;
            cpus.add(new Cpu(p, socket, coreId, siblings, spec.coresPerSocket(), apicid));
        }
        return List.copyOf(cpus);
    }

    private static int bitsFor(int count) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(1, count) - 1);
    }
}
