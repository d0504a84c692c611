package org.uprocfs.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Integration tests need /dev/fuse: without it they are skipped locally, and fail under CI=true. */
final class FuseRequirement {
    private FuseRequirement() {
    }

    static void check() {
        boolean available = Files.exists(Path.of("/dev/fuse"));
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("/dev/fuse is missing on this CI machine: the integration tests cannot run");
        }
        Assumptions.assumeTrue(available, "/dev/fuse is missing: integration tests skipped (set CI=true to fail)");
    }
}
