package org.uprocfs.providers.hardware.model;

import java.util.List;

/** One node of the iomem or ioports tree: an inclusive address range, its owner and the ranges nested in it. */
public record Resource(long start, long end, String name, List<Resource> children) {

    public Resource {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
