package org.uprocfs.mount.fuse;

import java.util.List;
import jnr.ffi.Pointer;
import ru.serce.jnrfuse.FuseFillDir;

/** Feeds "." and ".." and the names of a directory to libfuse's filler. */
final class DirectoryFiller {
    private DirectoryFiller() {
    }

    static void fill(List<String> names, Pointer buf, FuseFillDir filter) {
        filter.apply(buf, ".", null, 0);
        filter.apply(buf, "..", null, 0);
        for (String name : names) {
            if (filter.apply(buf, name, null, 0) != 0) {
                return;
            }
        }
    }
}
