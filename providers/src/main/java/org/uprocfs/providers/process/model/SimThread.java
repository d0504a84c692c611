package org.uprocfs.providers.process.model;

/**
 * One thread at one instant: what task/TID/stat, status, sched, schedstat, io and wchan show for it. CPU
 * times are USER_HZ ticks; schedstat's run and wait times are nanoseconds.
 */
public record SimThread(int tid, String comm, TaskState state, long utimeTicks, long stimeTicks, long minflt,
        long majflt, int processor, long voluntaryCtxt, long nonvoluntaryCtxt, long runNanos, long waitNanos,
        long timeslices, long migrations, String wchan, IoCounters io, long startTicks) {
}
