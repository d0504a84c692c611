package org.uprocfs.providers.sysctl;

import java.util.List;
import org.uprocfs.providers.sysctl.SysctlType.Bound;
import org.uprocfs.providers.sysctl.SysctlType.IntVector;
import org.uprocfs.providers.sysctl.SysctlType.StringType;
import org.uprocfs.providers.sysctl.SysctlType.ULongVector;
import org.uprocfs.providers.sysctl.SysctlValue.Numbers;
import org.uprocfs.providers.sysctl.SysctlValue.Text;

/** The rows the {@code sysctl} module registers: a small slice of a current kernel's /proc/sys, as data. */
final class SysctlDefaults {
    /** sizeof(utsname()->nodename) and friends: __NEW_UTS_LEN + 1, so 64 bytes are kept, as HOST_NAME_MAX allows. */
    static final StringType UTS_STRING = new StringType(65);

    private SysctlDefaults() {
    }

    /** Fresh rows with fresh cells, so a reloaded module starts from its defaults (or its saved values). */
    static List<SysctlRow> rows(SysctlTable table) {
        return List.of(
                SysctlRow.tunable("kernel/hostname", UTS_STRING, Text.of("uprocfs")),
                SysctlRow.tunable("kernel/domainname", UTS_STRING, Text.of("(none)")),
                SysctlRow.constant("kernel/ostype", UTS_STRING, Text.of("Linux")),
                SysctlRow.constant("kernel/osrelease", UTS_STRING, Text.of("6.1.0-uprocfs")),
                SysctlRow.constant("kernel/version", UTS_STRING,
                        Text.of("#1 SMP PREEMPT_DYNAMIC Mon Jan  1 00:00:00 UTC 2024")),
                // PID_MAX_LIMIT on 64-bit; the lower limit is RESERVED_PIDS + 1.
                SysctlRow.tunable("kernel/pid_max", IntVector.of(301, 4194304), Numbers.of(4194304)),
                // console_loglevel, default_message_loglevel, minimum_console_loglevel, default_console_loglevel:
                // plain proc_dointvec, so any int goes.
                SysctlRow.tunable("kernel/printk", IntVector.unbounded(4), Numbers.of(4, 4, 1, 7)),
                SysctlRow.tunable("kernel/dmesg_restrict", IntVector.of(0, 1), Numbers.of(0)),
                SysctlRow.tunable("kernel/panic", IntVector.unbounded(1), Numbers.of(0)),
                SysctlRow.tunable("net/ipv4/ip_forward", IntVector.of(0, 1), Numbers.of(0)),
                // ipv4_local_port_range: both ends in 1..65535, the upper not below the lower, and the lower not
                // below ip_unprivileged_port_start (1024 by default; that tunable is not simulated).
                SysctlRow.tunable("net/ipv4/ip_local_port_range",
                        new IntVector(List.of(new Bound(1024, 65535), new Bound(1, 65535)), true),
                        Numbers.of(32768, 60999)),
                SysctlRow.tunable("net/core/somaxconn", IntVector.of(0, Integer.MAX_VALUE), Numbers.of(4096)),
                SysctlRow.tunable("vm/swappiness", IntVector.of(0, 200), Numbers.of(60)),
                SysctlRow.tunable("vm/overcommit_memory", IntVector.of(0, 2), Numbers.of(0)),
                SysctlRow.tunable("vm/dirty_ratio", IntVector.of(0, 100), Numbers.of(20)),
                SysctlRow.tunable("fs/file-max", ULongVector.of(0, Long.MAX_VALUE), Numbers.of(Long.MAX_VALUE)),
                // proc_nr_files: allocated handles, free handles (always 0 since 2.6), the maximum.
                SysctlRow.computed("fs/file-nr", ULongVector.unbounded(3), () -> Numbers.of(table.openReaders(), 0,
                        table.value("fs/file-max").map(v -> ((Numbers) v).get(0)).orElse(Long.MAX_VALUE))));
    }
}
