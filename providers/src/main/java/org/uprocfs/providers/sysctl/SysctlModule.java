package org.uprocfs.providers.sysctl;

import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.providers.uts.UtsName;

/** The {@code sysctl} module: registers the standard /proc/sys tunables in the shared {@link SysctlTable}. */
public final class SysctlModule implements ProcModule {
    private volatile SysctlRegistration registration;

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public void init(ProcContext context) {
        SysctlTable table = SysctlTable.shared(context);
        registration = table.register(context, SysctlDefaults.rows(table, UtsName.shared(context)));
        context.printk(LogLevel.INFO, "sysctl: %d tunables registered, state %s", registration.rows().size(),
                table.stateFile().map(Object::toString).orElse("in memory"));
    }

    @Override
    public void exit(ProcContext context) {
        SysctlRegistration current = registration;
        if (current != null) {
            current.close();
        }
    }
}
