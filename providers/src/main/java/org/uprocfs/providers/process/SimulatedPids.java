package org.uprocfs.providers.process;

import java.util.List;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.Node;

/** The simulated machine's side of the root's pid entries: its thread groups now, and a node per pid or tid. */
public interface SimulatedPids {

    /** The directory of a simulated pid or tid as this caller sees it, or null when there is none now. */
    Node lookup(int pid, Caller caller);

    /** The thread-group leaders alive now, ascending. */
    List<Integer> leaders();
}
