package org.uprocfs.providers.process.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.uprocfs.core.api.Caller;

/**
 * The real processes that read the mount ("visitors"), listed beside the simulated ones while they live.
 *
 * <p>A host process is served as itself when it is the caller, when it is an ancestor of the caller in
 * the caller's session (so {@code cat /proc/$$/status} shows the shell that ran it), or when it was
 * served so before and still lives (same start time, so a reused pid is not mistaken for it). Host pid 1
 * is the simulated init for everyone but itself. A visitor shadows a simulated process of the same pid.
 */
public final class Visitors {
    /** How far up the caller's ancestry a lookup may reach for its shell. */
    private static final int MAX_ANCESTORS = 16;

    /** How long a caller's ancestry is trusted before it is read again: ps looks up hundreds of pids at once. */
    private static final long ANCESTRY_NANOS = 2_000_000_000L;

    /**
     * How long a host process's identity, once read, answers again: the requests for one directory come in
     * a burst (getattr, open, read and release of each file, every one of them walking /PID), and each read
     * of the identity costs two host files. Far below libfuse's 1 s attribute timeout, for which the kernel
     * shows a looked-up directory's owner anyway.
     */
    private static final long IDENTITY_NANOS = 100_000_000L;

    private final HostProc host;
    private final Map<Integer, Seen> identities = new ConcurrentHashMap<>();
    // pid -> host start ticks when first served; checked again on every use.
    private final Map<Integer, Long> known = new ConcurrentHashMap<>();
    private final Map<Integer, Ancestry> ancestries = new ConcurrentHashMap<>();

    public Visitors(HostProc host) {
        this.host = host;
    }

    /** A host process's identity as read at one instant (null when it was gone). */
    private record Seen(long readAt, HostIdentity identity) {
    }

    /** A caller's ancestors in its session, read at one instant. */
    private record Ancestry(long readAt, Set<Integer> pids) {
    }

    /** The host process {@code pid} (a pid or a tid) if this caller is to see it as real, else null. */
    public HostIdentity serve(int pid, Caller caller) {
        if (pid <= 0 || (pid == 1 && caller.pid() != 1)) {
            return null;
        }
        Long start = known.get(pid);
        if (start == null && pid != caller.pid() && pid != caller.tid() && !isAncestor(pid, caller)) {
            return null;
        }
        HostIdentity identity = identity(pid);
        if (identity == null || (start != null && start != identity.startTicks())) {
            known.remove(pid);
            return start == null || identity == null ? null : serve(pid, caller);
        }
        if (identity.tgid() == identity.pid()) {
            known.putIfAbsent(pid, identity.startTicks());
        }
        return identity;
    }

    /** Notes the caller as a visitor, so listings show it; cheap when it is already known. */
    public void note(Caller caller) {
        int pid = caller.pid();
        if (pid > 1 && !known.containsKey(pid)) {
            HostIdentity identity = host.identity(pid);
            if (identity != null && identity.tgid() == pid) {
                known.putIfAbsent(pid, identity.startTicks());
            }
        }
    }

    /**
     * The visitors this caller lists, in no order: those still alive (the dead are forgotten), and the
     * caller's own ancestors in its session, which it could look up too (ps -p $$ scans the listing).
     */
    public List<Integer> alive(Caller caller) {
        List<Integer> pids = new ArrayList<>(alive());
        if (caller.pid() > 1) {
            for (int pid : ancestry(caller)) {
                if (!pids.contains(pid)) {
                    pids.add(pid);
                }
            }
        }
        return pids;
    }

    /** The visitors still alive, in no order; the dead are forgotten. */
    public List<Integer> alive() {
        List<Integer> pids = new ArrayList<>();
        for (Map.Entry<Integer, Long> visitor : known.entrySet()) {
            HostIdentity identity = host.identity(visitor.getKey());
            if (identity != null && identity.startTicks() == visitor.getValue()) {
                pids.add(visitor.getKey());
            } else {
                known.remove(visitor.getKey(), visitor.getValue());
                identities.remove(visitor.getKey());
            }
        }
        return pids;
    }

    /** The identity of a host process, read again once {@link #IDENTITY_NANOS} passed since the last read. */
    private HostIdentity identity(int pid) {
        long now = System.nanoTime();
        Seen seen = identities.get(pid);
        if (seen != null && now - seen.readAt() < IDENTITY_NANOS) {
            return seen.identity();
        }
        if (identities.size() > 4096) {
            identities.clear();
        }
        HostIdentity identity = host.identity(pid);
        identities.put(pid, new Seen(now, identity));
        return identity;
    }

    private boolean isAncestor(int pid, Caller caller) {
        return ancestry(caller).contains(pid);
    }

    /** The caller's ancestors in its session, read again once the last reading is older than a moment. */
    private Set<Integer> ancestry(Caller caller) {
        long now = System.nanoTime();
        Ancestry ancestry = ancestries.get(caller.pid());
        if (ancestry == null || now - ancestry.readAt() > ANCESTRY_NANOS) {
            if (ancestries.size() > 1024) {
                ancestries.clear();
            }
            ancestry = new Ancestry(now, readAncestry(caller.pid()));
            ancestries.put(caller.pid(), ancestry);
        }
        return ancestry.pids();
    }

    private Set<Integer> readAncestry(int callerPid) {
        Set<Integer> pids = new HashSet<>();
        HostIdentity self = host.identity(callerPid);
        if (self == null) {
            return pids;
        }
        HostIdentity current = self;
        for (int i = 0; i < MAX_ANCESTORS && current.ppid() > 1; i++) {
            HostIdentity parent = identity(current.ppid());
            if (parent == null || parent.session() != self.session()) {
                break;
            }
            pids.add(parent.pid());
            current = parent;
        }
        return pids;
    }
}
