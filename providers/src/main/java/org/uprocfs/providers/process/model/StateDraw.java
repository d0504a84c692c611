package org.uprocfs.providers.process.model;

import java.util.HashMap;
import java.util.Map;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * Decides which threads run and which wait in disk sleep at one instant: as many R threads as the
 * scheduler's runnable count (busy threads are likelier, one per CPU) and as many D threads as its blocked
 * count, drawn afresh every second from the seed; everything else keeps its own sleeping or idle state.
 */
final class StateDraw {
    private final Map<Integer, TaskState> picked = new HashMap<>();
    private final Map<Integer, Integer> runningCpu = new HashMap<>();
    private int running;
    private int blocked;

    StateDraw(ProcessTable table, long t, Member[] leaders) {
        long second = t / 1_000_000_000L;
        long key = Noise.key(table.seed(), "draw", 0);
        int cpus = table.cpuCount();
        int fixedRunning = 0;
        int fixedBlocked = 0;
        for (Member m : leaders) {
            if (m.fixedState && !m.zombieAt(t)) {
                fixedRunning += m.baseState == TaskState.RUNNING ? 1 : 0;
                fixedBlocked += m.baseState == TaskState.DISK_SLEEP ? 1 : 0;
            }
        }
        int wantRunning = Math.max(0, Math.min(table.runnableTarget(t), cpus) - fixedRunning);
        int wantBlocked = Math.max(0, table.blockedTarget(t) - fixedBlocked);
        int[] run = best(leaders, t, wantRunning, key, second, true);
        for (int tid : run) {
            if (tid != 0) {
                picked.put(tid, TaskState.RUNNING);
            }
        }
        int[] block = best(leaders, t, wantBlocked, key + 1, second, false);
        for (int tid : block) {
            if (tid != 0) {
                picked.put(tid, TaskState.DISK_SLEEP);
            }
        }
        // Running threads sit on distinct CPUs, in a seeded order that changes every second.
        int[] order = new int[cpus];
        for (int i = 0; i < cpus; i++) {
            order[i] = i;
        }
        for (int i = cpus - 1; i > 0; i--) {
            int j = (int) (Noise.unit(key + 2, second * 131 + i) * (i + 1));
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int slot = 0;
        for (Member m : leaders) {
            if (m.zombieAt(t)) {
                continue;
            }
            for (int k = 0; k < m.tids.length; k++) {
                TaskState s = picked.get(m.tids[k]);
                if (s == null) {
                    s = k == 0 ? m.baseState : TaskState.SLEEPING;
                    if (m.kernel()) {
                        s = m.baseState;
                    }
                }
                if (s == TaskState.RUNNING) {
                    running++;
                    if (slot < cpus) {
                        runningCpu.put(m.tids[k], order[slot++]);
                    }
                } else if (s == TaskState.DISK_SLEEP) {
                    blocked++;
                }
            }
        }
    }

    /**
     * The {@code want} threads with the smallest exponential race times {@code -ln(u)/w}: a weighted draw
     * without replacement, where a thread's weight follows its CPU share.
     */
    private int[] best(Member[] leaders, long t, int want, long key, long second, boolean forRunning) {
        int[] tids = new int[want];
        double[] scores = new double[want];
        java.util.Arrays.fill(scores, Double.POSITIVE_INFINITY);
        if (want == 0) {
            return tids;
        }
        for (Member m : leaders) {
            if (m.zombieAt(t) || m.fixedState) {
                continue;
            }
            for (int k = 0; k < m.tids.length; k++) {
                int tid = m.tids[k];
                double w = weight(m, k, forRunning);
                if (w <= 0 || (!forRunning && picked.containsKey(tid))) {
                    continue;
                }
                double u = Noise.unit(key ^ (tid * 0x9e3779b97f4a7c15L), second);
                double score = -Math.log(1 - u) / w;
                if (score < scores[want - 1]) {
                    int i = want - 1;
                    while (i > 0 && scores[i - 1] > score) {
                        scores[i] = scores[i - 1];
                        tids[i] = tids[i - 1];
                        i--;
                    }
                    scores[i] = score;
                    tids[i] = tid;
                }
            }
        }
        return tids;
    }

    private static double weight(Member m, int thread, boolean forRunning) {
        if (forRunning) {
            // Kernel threads are drawn as idle or sleeping; a short-lived command is usually on a CPU.
            if (m.kernel()) {
                return 0;
            }
            if (m.role == Member.Role.CHURN) {
                return m.threadShares[0] > 0 ? 4 : 0;
            }
            return 0.02 + 40 * m.threadShares[thread];
        }
        return m.kernel() ? 0.2 : 1;
    }

    Map<Integer, TaskState> picked() {
        return picked;
    }

    Map<Integer, Integer> runningCpu() {
        return runningCpu;
    }

    int running() {
        return running;
    }

    int blocked() {
        return blocked;
    }
}
