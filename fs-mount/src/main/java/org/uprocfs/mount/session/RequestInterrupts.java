package org.uprocfs.mount.session;

import java.util.function.BooleanSupplier;
import jnr.ffi.Pointer;

/**
 * Per-request interrupt probes the handler watchdog may ask from its own thread: libfuse keeps one
 * {@code struct fuse_context_i} per worker thread for the thread's life and sets its {@code req} field to
 * the request being answered, so the probe reads that field and asks {@code fuse_req_interrupted}. The
 * watchdog asks only while the call runs, when the request cannot have been answered and freed.
 */
final class RequestInterrupts {
    /**
     * Where {@code fuse_req_t req} sits in libfuse2's {@code struct fuse_context_i}: after the public
     * {@code struct fuse_context} (fuse, uid, gid, pid, private_data, umask: 40 bytes on LP64).
     */
    private static final long REQ_OFFSET = 40;

    private final LibFuseSession lib;
    private final ThreadLocal<BooleanSupplier> probes = ThreadLocal.withInitial(this::probeOfThisThread);

    RequestInterrupts(LibFuseSession lib) {
        this.lib = lib;
    }

    /** The probe of the request this worker thread answers now. */
    BooleanSupplier forThisRequest() {
        return probes.get();
    }

    private BooleanSupplier probeOfThisThread() {
        Pointer context = lib.fuse_get_context();
        if (context == null) {
            return null;
        }
        return () -> {
            Pointer request = context.getPointer(REQ_OFFSET);
            return request != null && lib.fuse_req_interrupted(request) != 0;
        };
    }
}
