package org.uprocfs.providers.sysctl;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The rows one module registered, like the header {@code register_sysctl_table} returns; close it at exit. */
public final class SysctlRegistration implements AutoCloseable {
    private final SysctlTable table;
    private final List<SysctlRow> rows;
    private final AtomicBoolean closed = new AtomicBoolean();

    SysctlRegistration(SysctlTable table, List<SysctlRow> rows) {
        this.table = table;
        this.rows = List.copyOf(rows);
    }

    /** The registered rows. */
    public List<SysctlRow> rows() {
        return rows;
    }

    /** Takes the rows out of the table ({@code unregister_sysctl_table}); the files go with the module's entries. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            table.unregister(rows);
        }
    }
}
