package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.process.model.SimProcess;

/** {@code cgroup} and {@code cpuset}: {@code proc_cgroup_show} (kernel/cgroup/cgroup.c) and {@code proc_cpuset_show} (kernel/cgroup/cpuset.c) on a pure cgroup v2 machine. */
public final class PidCgroup {
    private PidCgroup() {
    }

    /** {@code hierarchy-ID:controllers:path}: the one v2 line, {@code 0::/path}. */
    public static void showCgroup(SeqBuffer m, SimProcess p) {
        m.puts("0::").puts(p.cgroup()).putc('\n');
    }

    /**
     * The path of the task's cgroup in the cpuset hierarchy. On v2 that is the nearest cgroup with the
     * cpuset controller enabled; the simulated hierarchy enables it everywhere, so it is the cgroup itself.
     */
    public static void showCpuset(SeqBuffer m, SimProcess p) {
        m.puts(p.cgroup()).putc('\n');
    }
}
