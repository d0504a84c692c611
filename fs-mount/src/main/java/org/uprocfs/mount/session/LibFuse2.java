package org.uprocfs.mount.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the libfuse2 shared library jnr-fuse loads. */
final class LibFuse2 {
    private static final List<String> DIRECTORIES = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/usr/local/lib");

    private LibFuse2() {
    }

    static boolean installed() {
        for (String dir : DIRECTORIES) {
            if (Files.exists(Path.of(dir, "libfuse.so.2")) || Files.exists(Path.of(dir, "libfuse.so"))) {
                return true;
            }
        }
        return false;
    }
}
