package org.uprocfs.providers.kmsg;

import org.uprocfs.core.io.ProcHandlers;
import org.uprocfs.core.module.ProcContext;
import org.uprocfs.core.module.ProcModule;

/** The {@code kmsg} entry: the kernel log as a stream of {@code <level>text} lines that blocks for new ones. */
public final class KmsgModule implements ProcModule {
    /** The module and entry name. */
    public static final String NAME = "kmsg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(ProcContext ctx) {
        // 0400 root:root as on Linux; a dmesg_restrict-style check for other readers is still to come.
        ctx.create(null, NAME, 0400,
                ProcHandlers.raw(request -> new KmsgSession(ctx.kernelLog(), request.nonBlocking())));
    }
}
