package org.uprocfs.providers.sysctl;

import java.util.List;
import org.uprocfs.providers.sysctl.SysctlType.Bound;
import org.uprocfs.providers.sysctl.SysctlType.IntVector;
import org.uprocfs.providers.sysctl.SysctlType.StringType;
import org.uprocfs.providers.sysctl.SysctlType.ULongVector;
import org.uprocfs.providers.sysctl.SysctlValue.Numbers;
import org.uprocfs.providers.sysctl.SysctlValue.Text;
import org.uprocfs.providers.uts.UtsName;

/** The rows the {@code sysctl} module registers: a small slice of a current kernel's /proc/sys, as data. */
final class SysctlDefaults {
    /** sizeof(utsname()->nodename) and friends: __NEW_UTS_LEN + 1, so 64 bytes are kept, as HOST_NAME_MAX allows. */
    static final StringType UTS_STRING = new StringType(65);

    private SysctlDefaults() {
    }

    /** Fresh rows with fresh cells, so a reloaded module starts from its defaults (or its saved values). */
    static List<SysctlRow> rows(SysctlTable table, UtsName uts) {
        return List.of(
                // The uts rows are views of the shared names (proc_do_uts_string): the machine boots its kernel
                // identity into them, and a host name written here is the one the machine reports.
                SysctlRow.bound("kernel/hostname", UTS_STRING, new UtsVariable(uts::nodename, uts::setNodename)),
                SysctlRow.bound("kernel/domainname", UTS_STRING,
                        new UtsVariable(uts::domainname, uts::setDomainname)),
                SysctlRow.computed("kernel/ostype", UTS_STRING, () -> Text.of(uts.sysname())),
                SysctlRow.computed("kernel/osrelease", UTS_STRING, () -> Text.of(uts.release())),
                SysctlRow.computed("kernel/version", UTS_STRING, () -> Text.of(uts.version())),
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
                // overcommit_ratio_handler is plain proc_dointvec; the machine reads a negative ratio as 0.
                SysctlRow.tunable("vm/overcommit_ratio", IntVector.unbounded(1), Numbers.of(50)),
                SysctlRow.tunable("vm/dirty_ratio", IntVector.of(0, 100), Numbers.of(20)),
                SysctlRow.tunable("fs/file-max", ULongVector.of(0, Long.MAX_VALUE), Numbers.of(Long.MAX_VALUE)),
                // proc_nr_files: allocated handles, free handles (always 0 since 2.6), the maximum.
                SysctlRow.computed("fs/file-nr", ULongVector.unbounded(3), () -> Numbers.of(table.openReaders(), 0,
                        table.value("fs/file-max").map(v -> ((Numbers) v).get(0)).orElse(Long.MAX_VALUE))));
    }
}
