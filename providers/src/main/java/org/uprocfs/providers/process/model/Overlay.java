package org.uprocfs.providers.process.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What writes to comm, oom_score_adj and timerslack_ns changed, keyed by the task and its birth so a value never sticks to
 * a later task that reuses the pid; safe for concurrent writers and readers.
 */
final class Overlay {
    /** A task as the kernel tells them apart: its id and the moment it was born. */
    record Task(int id, long startNanos) {
    }

    /** An immutable copy of the overlay at one moment, which a snapshot applies. */
    record View(Map<Task, String> comms, Map<Task, Integer> oomScoreAdjs, Map<Task, Long> timerslacks) {
        static final View EMPTY = new View(Map.of(), Map.of(), Map.of());

        String comm(int tid, long start, String fallback) {
            String c = comms.isEmpty() ? null : comms.get(new Task(tid, start));
            return c == null ? fallback : c;
        }

        int oomScoreAdj(int tgid, long start, int fallback) {
            Integer v = oomScoreAdjs.isEmpty() ? null : oomScoreAdjs.get(new Task(tgid, start));
            return v == null ? fallback : v;
        }

        long timerslackNs(int tgid, long start, long fallback) {
            Long v = timerslacks.isEmpty() ? null : timerslacks.get(new Task(tgid, start));
            return v == null ? fallback : v;
        }
    }

    private final Map<Task, String> comms = new ConcurrentHashMap<>();
    private final Map<Task, Integer> oomScoreAdjs = new ConcurrentHashMap<>();
    private final Map<Task, Long> timerslacks = new ConcurrentHashMap<>();
    private volatile View view = View.EMPTY;

    void setComm(Task task, String comm) {
        comms.put(task, comm);
        publish();
    }

    void setOomScoreAdj(Task task, int value) {
        oomScoreAdjs.put(task, value);
        publish();
    }

    void setTimerslackNs(Task task, long value) {
        timerslacks.put(task, value);
        publish();
    }

    View view() {
        return view;
    }

    private synchronized void publish() {
        view = new View(Map.copyOf(comms), Map.copyOf(oomScoreAdjs), Map.copyOf(timerslacks));
    }
}
