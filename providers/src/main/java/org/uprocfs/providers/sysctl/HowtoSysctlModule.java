package org.uprocfs.providers.sysctl;

import java.util.List;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcModule;

/**
 * The {@code howto_sysctl} module: the how-to's example table, {@code net/test/value1} and {@code value2}
 * as ints in 10..20 writable by root, registered and unregistered on its own.
 */
public final class HowtoSysctlModule implements ProcModule {
    private static final SysctlType.IntVector TEN_TO_TWENTY = SysctlType.IntVector.of(10, 20);

    private volatile SysctlRegistration registration;

    @Override
    public String name() {
        return "howto_sysctl";
    }

    @Override
    public void init(ProcContext context) {
        registration = SysctlTable.shared(context).register(context, List.of(
                SysctlRow.tunable("net/test/value1", TEN_TO_TWENTY, SysctlValue.Numbers.of(10)),
                SysctlRow.tunable("net/test/value2", TEN_TO_TWENTY, SysctlValue.Numbers.of(10))));
        context.printk(LogLevel.INFO, "howto_sysctl: registered net/test/value1 and value2");
    }

    @Override
    public void exit(ProcContext context) {
        SysctlRegistration current = registration;
        if (current != null) {
            current.close();
        }
    }
}
