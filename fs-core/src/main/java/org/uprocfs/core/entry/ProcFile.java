package org.uprocfs.core.entry;

import java.time.Instant;
import java.util.Set;
import org.uprocfs.core.api.EntryFlag;
import org.uprocfs.core.api.ProcHandlers;

/** A regular proc file answered by handlers. */
public final class ProcFile extends ProcEntry {
    private final ProcHandlers handlers;

    ProcFile(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created, ProcHandlers handlers) {
        this(name, parent, owner, attributes, flags, created, handlers, null);
    }

    ProcFile(String name, ProcDirectory parent, String owner, EntryAttributes attributes,
            Set<EntryFlag> flags, Instant created, ProcHandlers handlers, ComputedChildren source) {
        super(name, parent, owner, attributes, flags, created, source);
        this.handlers = handlers;
    }

    /** What the file does on read and write. */
    public ProcHandlers handlers() {
        return handlers;
    }

    @Override
    public int linkCount() {
        return 1;
    }
}
