package org.uprocfs.core.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.LinkTarget;

/** A symbolic link; its target may depend on who asks ({@code self}); its size is the target's length. */
public final class ProcSymlink extends ProcEntry {
    private final LinkTarget target;

    ProcSymlink(String name, ProcDirectory parent, String owner, Instant created, LinkTarget target) {
        this(name, parent, owner, new EntryAttributes(0777, 0, 0), created, target, null);
    }

    ProcSymlink(String name, ProcDirectory parent, String owner, EntryAttributes attributes, Instant created,
            LinkTarget target, ComputedChildren source) {
        super(name, parent, owner, attributes, Set.of(), created, source);
        this.target = target;
    }

    /** Where the link points for this caller, relative or absolute, as the module gives it. */
    public String target(Caller caller) {
        return target.resolve(caller);
    }

    /** The target's length in bytes for this caller, reported as st_size. */
    public int targetLength(Caller caller) {
        return target(caller).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public int linkCount() {
        return 1;
    }
}
