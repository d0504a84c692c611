package org.uprocfs.mount.fuse;

import java.util.function.Supplier;
import org.uprocfs.core.Caller;
import ru.serce.jnrfuse.struct.FuseContext;

/**
 * Who made the current FUSE request, read from libfuse's per-thread context. Each worker thread wraps
 * its context once (libfuse keeps one per thread for the thread's life) and reuses its last
 * {@link Caller} while the same process keeps asking, so the hot path allocates nothing here.
 */
final class CallerSource {
    private final Supplier<FuseContext> contexts;
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
        int pid = context.pid.intValue();
        Caller last = slot.last;
        if (last == null || last.uid() != uid || last.gid() != gid || last.pid() != pid) {
            last = new Caller(uid, gid, pid);
            slot.last = last;
        }
        return last;
    }

    private static final class Slot {
        private FuseContext context;
        private Caller last;
    }
}
