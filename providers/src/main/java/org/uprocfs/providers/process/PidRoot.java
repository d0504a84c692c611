package org.uprocfs.providers.process;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.process.host.HostIdentity;
import org.uprocfs.providers.process.host.HostMirror;
import org.uprocfs.providers.process.host.HostProc;
import org.uprocfs.providers.process.host.Visitors;

/**
 * The root's computed entries, as {@code proc_pid_readdir} lists them after the fixed ones: {@code self},
 * {@code thread-self}, then every thread-group leader ascending (simulated processes and the real
 * visitors). Any tid resolves on lookup, as {@code proc_pid_lookup} finds non-leader threads, unlisted.
 */
public final class PidRoot implements DirectoryOps {
    private static final String SELF = "self";
    private static final String THREAD_SELF = "thread-self";

    private final SimulatedPids simulated;
    private final Visitors visitors;
    private final HostProc host;
    private final DirectoryOps network;

    /** The root's pids; a visitor's net/ shows {@code network}, the simulated machine's, not the host's. */
    public PidRoot(SimulatedPids simulated, Visitors visitors, HostProc host, DirectoryOps network) {
        this.network = network;
        this.simulated = simulated;
        this.visitors = visitors;
        this.host = host;
    }

    @Override
    public Node lookup(String name, Caller caller) {
        visitors.note(caller);
        if (name.equals(SELF)) {
            return Node.link(reader -> ownPid(reader) + "");
        }
        if (name.equals(THREAD_SELF)) {
            return Node.link(reader -> ownPid(reader) + "/task/" + reader.tid());
        }
        int pid = parsePid(name);
        if (pid <= 0) {
            return null;
        }
        HostIdentity real = visitors.serve(pid, caller);
        if (real != null) {
            return HostMirror.of(host.dir(pid), real, network);
        }
        return simulated.lookup(pid, caller);
    }

    @Override
    public List<String> names(Caller caller) {
        visitors.note(caller);
        TreeSet<Integer> pids = new TreeSet<>(simulated.leaders());
        pids.addAll(visitors.alive(caller));
        List<String> names = new ArrayList<>(pids.size() + 2);
        names.add(SELF);
        names.add(THREAD_SELF);
        for (int pid : pids) {
            names.add(Integer.toString(pid));
        }
        return names;
    }

    @Override
    public int subdirectories(Caller caller) {
        // proc_root_getattr: nlink grows by nr_processes(); counting the leaders is enough for tools.
        return simulated.leaders().size();
    }

    /** The caller's thread group; ENOENT when it has no pid here, as proc_self_get_link answers. */
    private static int ownPid(Caller caller) {
        if (caller.pid() <= 0) {
            throw new ProcException(Errno.ENOENT, "the caller has no pid in this namespace");
        }
        return caller.pid();
    }

    /** A pid spelled the way proc_pid_lookup accepts it: decimal digits only, no sign, no leading zero. */
    static int parsePid(String name) {
        int length = name.length();
        if (length == 0 || length > 10 || name.charAt(0) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
