package org.uprocfs.providers.howto;

import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;

/** The "Kernel Space, User Space Interfaces" how-to's legacy procfs example: a directory with one file that reads back what was written. */
// The how-to's sysctl part (net/test/value1, value2) belongs to the sysctl module, not here.
public final class HowtoModule implements ProcModule {
    /** The module name. */
    public static final String NAME = "howto";
    /** The directory; the how-to names its examples "test", as in its sysctl net/test. */
    static final String DIRECTORY = "test";
    /** The read/write file inside the directory. */
    static final String FILE = "buffer";


    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(ProcContext ctx) {
        ProcDir dir = ctx.mkdir(null, DIRECTORY, 0555);
        PageBufferFile file = new PageBufferFile();
        // Root writes, everyone reads, the same split the how-to gives its sysctl values.
        ctx.create(dir, FILE, 0644, ProcHandlers.legacy(file).withWrite(file));
        ctx.printk(LogLevel.INFO, "howto: /%s/%s created", DIRECTORY, FILE);
    }

    @Override
    public void exit(ProcContext context) {
        context.printk(LogLevel.INFO, "howto: /%s/%s removed", DIRECTORY, FILE);
    }
}
