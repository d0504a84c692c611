package org.uprocfs.providers.process.model;

/**
 * One thread at one instant as task/TID/stat, status, sched, schedstat, io and wchan show it, CPU times in
 * USER_HZ ticks and schedstat's run and wait times in nanoseconds.
 */
public record SimThread(int tid, String comm, TaskState state, long utimeTicks, long stimeTicks, long minflt,
        long majflt, int processor, long voluntaryCtxt, long nonvoluntaryCtxt, long runNanos, long waitNanos,
        long timeslices, long migrations, String wchan, IoCounters io, long startTicks) {
}
