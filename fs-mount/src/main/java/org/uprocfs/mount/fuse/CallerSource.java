package org.uprocfs.mount.fuse;

import java.util.function.Supplier;
import org.uprocfs.core.api.Caller;
import ru.serce.jnrfuse.struct.FuseContext;

/**
 * Who made the current FUSE request, read from libfuse's per-thread context. Each worker thread wraps
 * its context once (libfuse keeps one per thread for the thread's life) and reuses its last
 * {@link Caller} while the same thread keeps asking, so the hot path allocates nothing and reads no host
 * file; a new thread costs one read of its host status for its thread group.
 */
final class CallerSource {
    private final Supplier<FuseContext> contexts;
    private final ThreadGroups groups = new ThreadGroups(java.nio.file.Path.of("/proc"));
    private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(Slot::new);

    CallerSource(Supplier<FuseContext> contexts) {
        this.contexts = contexts;
    }

    Caller current() {
        Slot slot = slots.get();
        if (slot.context == null) {
            slot.context = contexts.get();
        }
        FuseContext context = slot.context;
        int uid = context.uid.intValue();
        int gid = context.gid.intValue();
        int tid = context.pid.intValue();
        Caller last = slot.last;
        if (last == null || last.uid() != uid || last.gid() != gid || last.tid() != tid) {
            last = groups.callerOf(uid, gid, tid);
            slot.last = last;
        }
        return last;
    }

    private static final class Slot {
        private FuseContext context;
        private Caller last;
    }
}
