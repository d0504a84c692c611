package org.uprocfs.core.module;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.uprocfs.core.api.KernelLog;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.tree.ProcTree;

/** What the core hands every module context: the tree, the clock, randomness, the log and the parameters. */
public record KernelServices(ProcTree tree, ProcClock clock, RandomGenerator random, KernelLog kernelLog,
        Map<String, String> parameters) {

    public KernelServices {
        parameters = Map.copyOf(parameters);
    }
}
