package org.uprocfs.providers.hardware.profile;

import java.util.List;
import org.uprocfs.providers.hardware.model.Resource;

/** Checks a resource tree the way request_resource would refuse it: siblings overlapping or a child outside its parent. */
final class ResourceTreeCheck {
    private ResourceTreeCheck() {
    }

    static void check(String field, List<Resource> roots, long limit) {
        checkLevel(field, roots, 0, limit);
    }

    private static void checkLevel(String field, List<Resource> nodes, long low, long high) {
        Resource previous = null;
        for (int i = 0; i < nodes.size(); i++) {
            Resource node = nodes.get(i);
            String at = field + "[" + i + "]";
            if (node == null) {
                throw new ProfileException(at, "missing resource");
            }
            if (node.name() == null || node.name().isEmpty()) {
                throw new ProfileException(at + ".name", "a resource needs a name");
            }
            if (Long.compareUnsigned(node.start(), node.end()) > 0) {
                throw new ProfileException(at + ".end", String.format("end %x is below start %x", node.end(), node.start()));
            }
            if (Long.compareUnsigned(node.start(), low) < 0 || Long.compareUnsigned(node.end(), high) > 0) {
                throw new ProfileException(at, String.format("%x-%x lies outside its parent %x-%x",
                        node.start(), node.end(), low, high));
            }
            if (previous != null && Long.compareUnsigned(node.start(), previous.end()) <= 0) {
                throw new ProfileException(at + ".start", String.format("%x-%x overlaps or precedes %x-%x (%s)",
                        node.start(), node.end(), previous.start(), previous.end(), previous.name()));
            }
            checkLevel(at + ".children", node.children(), node.start(), node.end());
            previous = node;
        }
    }
}
