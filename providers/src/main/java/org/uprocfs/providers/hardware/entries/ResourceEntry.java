package org.uprocfs.providers.hardware.entries;

import java.util.ArrayList;
import java.util.List;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.providers.hardware.model.Resource;

/**
 * /proc/iomem and /proc/ioports as kernel/resource.c's r_show prints them: two spaces per nesting level,
 * 4 hex digits for the port tree and 8 for memory, and zeroed addresses for readers without CAP_SYS_ADMIN.
 */
public final class ResourceEntry extends IndexedSeq {
    /** r_next does not descend below this depth. */
    private static final int MAX_IORES_LEVEL = 5;

    private final List<Row> rows;
    private final int width;

    private record Row(int depth, Resource resource) {
    }

    private ResourceEntry(List<Resource> roots, int width) {
        List<Row> flat = new ArrayList<>();
        flatten(roots, 0, flat);
        this.rows = List.copyOf(flat);
        this.width = width;
    }

    /** The I/O memory tree, whose root spans the whole physical address space. */
    public static ResourceEntry iomem(List<Resource> roots) {
        return new ResourceEntry(roots, 8);
    }

    /** The I/O port tree, whose root ends at 0xffff. */
    public static ResourceEntry ioports(List<Resource> roots) {
        return new ResourceEntry(roots, 4);
    }

    private static void flatten(List<Resource> nodes, int depth, List<Row> out) {
        if (depth >= MAX_IORES_LEVEL) {
            return;
        }
        for (Resource node : nodes) {
            out.add(new Row(depth, node));
            flatten(node.children(), depth + 1, out);
        }
    }

    @Override
    int count() {
        return rows.size();
    }

    @Override
    void show(SeqBuffer m, int index) {
        Row row = rows.get(index);
        boolean privileged = m.caller().isRoot();
        long start = privileged ? row.resource().start() : 0;
        long end = privileged ? row.resource().end() : 0;
        Fields.spaces(m, 2 * row.depth());
        Fields.hex(m, start, width, true).putc('-');
        Fields.hex(m, end, width, true).puts(" : ").puts(row.resource().name()).putc('\n');
    }
}
