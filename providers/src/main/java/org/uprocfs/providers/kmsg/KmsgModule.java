package org.uprocfs.providers.kmsg;

import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.providers.sysctl.SysctlTable;

/**
 * The {@code kmsg} entry: the kernel log as a stream of {@code <level>text} lines that blocks for new ones.
 *
 * <p>Access follows the kernel's two gates. The file is 0400 root:root like /proc/kmsg, so the mode stops
 * other users first (EACCES). Past the mode, each opener gets its own cursor over the whole ring, which is
 * /dev/kmsg's "read all" access rather than /proc/kmsg's consuming read, so the check is the one
 * devkmsg_open makes: with {@code kernel/dmesg_restrict} = 1 a caller without CAP_SYSLOG (not root) is
 * refused with EPERM, as check_syslog_permissions refuses it; with 0, a reader the mode lets in may read
 * (root can chmod the file to let others in). The sysctl table is shared, so either module may load first;
 * without the sysctl module the row is absent and reads as 0, the kernel's default.
 */
public final class KmsgModule implements ProcModule {
    /** The module and entry name. */
    public static final String NAME = "kmsg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(ProcContext ctx) {
        SysctlTable sysctl = SysctlTable.shared(ctx);
        ctx.create(null, NAME, 0400, ProcHandlers.raw(request -> {
            if (!request.caller().isRoot() && sysctl.dmesgRestricted()) {
                throw new ProcException(Errno.EPERM, "kernel.dmesg_restrict is set and the reader lacks CAP_SYSLOG");
            }
            return new KmsgSession(ctx.kernelLog(), request.nonBlocking());
        }));
    }
}
