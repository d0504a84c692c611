/**
 * The simulated machine's process table, a pure function of (machine, seed, uptime) like the rest of the
 * simulation, so the per-pid files agree with /proc/stat, /proc/loadavg and /proc/meminfo by construction.
 *
 * <p>{@link org.uprocfs.providers.process.model.ProcessTable#at} gives a
 * {@link org.uprocfs.providers.process.model.ProcessSnapshot}; its records carry what the files show, and
 * a few conventions are left for the renderers to apply as the kernel does:
 * <ul>
 * <li>a thread other than the leader shows exit_signal -1 in its task/TID/stat;</li>
 * <li>status omits Umask and the Vm block for a zombie, and the Vm block for a kernel thread (memory null);</li>
 * <li>Seccomp_filters is 1 when seccomp is 2 (filter), else 0;</li>
 * <li>fd mount ids are 21 plus the mount's index in the profile, 8 for sockfs, 12 for pipefs, 14 for
 * anon_inodefs; socket and pipe inodes share one counter and are unique across the machine;</li>
 * <li>priority() is stat's field 18; sched's prio is 100 plus it.</li>
 * </ul>
 *
 * <p>The rules that hold at every instant: each thread's CPU time is its share of the cpu line's busy
 * growth since its birth (shares add up to less than one, so the processes' growth fits inside the line's
 * over any interval a sampler such as top uses; below a second, independent tick rounding can overshoot
 * by a few ticks), the resident anonymous memory of all processes
 * stays inside meminfo's AnonPages, threads in R and D are the procs_running and procs_blocked counts, and
 * pids stay below pid_max.
 */
package org.uprocfs.providers.process.model;
