package org.uprocfs.providers.procfsexample;

import java.nio.charset.StandardCharsets;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;

/**
 * The Kernel Procfs Guide's example: a directory with a jiffies counter, two small read/write files
 * and a symlink, all served through the legacy read_proc interface the guide teaches.
 */
public final class ProcfsExampleModule implements ProcModule {
    /** The module and directory name. */
    public static final String NAME = "procfs_example";
    /** The version the guide's module reports. */
    static final String VERSION = "1.0";


    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(ProcContext ctx) {
        ProcDir dir = ctx.mkdir(null, NAME, 0555);
        ctx.create(dir, "jiffies", 0444, ProcHandlers.legacy(jiffies(ctx.clock())));
        for (String name : new String[] {"foo", "bar"}) {
            FooBarFile file = new FooBarFile(name, name.getBytes(StandardCharsets.UTF_8));
            ctx.create(dir, name, 0644, ProcHandlers.legacy(file).withWrite(file));
        }
        ctx.symlink(dir, "jiffies_too", "jiffies");
        ctx.printk(LogLevel.INFO, "%s: version %s loaded", NAME, VERSION);
    }

    @Override
    public void exit(ProcContext context) {
        context.printk(LogLevel.INFO, "%s: version %s removed", NAME, VERSION);
    }

    /** read_proc with start unset: the counter is sampled afresh on every call, as 2.6 regenerated it. */
    private static LegacyReadProc jiffies(ProcClock clock) {
        return (page, offset, count) -> page.printf("jiffies = %d\n", clock.jiffies());
    }
}
