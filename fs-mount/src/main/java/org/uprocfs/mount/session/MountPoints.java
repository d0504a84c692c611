package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one spelling of a mount point everything compares: the real path of its parent plus its name, as
 * /proc/self/mountinfo lists it. Only the parent is resolved, so a dead or busy mount itself is never touched.
 */
public final class MountPoints {
    private MountPoints() {
    }

    /** The mount point as the mount table names it; the absolute, normalised path where the parent cannot be resolved. */
    public static Path real(Path mountPoint) {
        Path absolute = mountPoint.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            return absolute;
        }
        try {
            return parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException | SecurityException unresolved) {
            return absolute;
        }
    }
}
