package org.uprocfs.core.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/** A symbolic link; its size is the target's length, its mode 0777. */
public final class ProcSymlink extends ProcEntry {
    private final String target;

    ProcSymlink(String name, ProcDirectory parent, String owner, Instant created, String target) {
        super(name, parent, owner, new EntryAttributes(0777, 0, 0), Set.of(), created);
        this.target = target;
    }

    /** Where the link points, relative or absolute, as given. */
    public String target() {
        return target;
    }

    /** The target's length in bytes, reported as st_size. */
    public int targetLength() {
        return target.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public int linkCount() {
        return 1;
    }
}
