package org.uprocfs.providers.hardware;

import org.uprocfs.providers.hardware.sim.VmTunables;
import org.uprocfs.providers.sysctl.SysctlTable;
import org.uprocfs.providers.sysctl.SysctlValue;

/**
 * The vm tunables as the shared sysctl table holds them right now; a row nobody registered (the sysctl
 * module is not loaded) reads as the kernel's default, so the machine keeps working without it.
 */
final class SysctlVmTunables implements VmTunables {
    private final SysctlTable table;

    SysctlVmTunables(SysctlTable table) {
        this.table = table;
    }

    @Override
    public int swappiness() {
        return number("vm/swappiness", DEFAULTS.swappiness());
    }

    @Override
    public int overcommitMemory() {
        return number("vm/overcommit_memory", DEFAULTS.overcommitMemory());
    }

    @Override
    public int overcommitRatio() {
        return number("vm/overcommit_ratio", DEFAULTS.overcommitRatio());
    }

    private int number(String path, int fallback) {
        return table.value(path)
                .filter(SysctlValue.Numbers.class::isInstance)
                .map(value -> (int) ((SysctlValue.Numbers) value).get(0))
                .orElse(fallback);
    }
}
