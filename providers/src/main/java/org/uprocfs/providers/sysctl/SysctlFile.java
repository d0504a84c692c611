package org.uprocfs.providers.sysctl;

import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.RawReadSession;

/**
 * The file operations of one row, {@code proc_sys_read}/{@code proc_sys_write}: a raw read handler, since
 * each read goes back to the value and to the handler's own offset rules rather than to a page snapshot.
 */
final class SysctlFile {

    private SysctlFile() {
    }

    /** Read and write handlers for {@code row} in {@code table}. */
    static ProcHandlers handlers(SysctlTable table, SysctlRow row) {
        return ProcHandlers.raw(request -> new Session(table, row))
                .withWrite(request -> table.write(row, request.data(), request.offset()));
    }

    /** One open file's reads; stateless apart from counting itself for fs/file-nr. */
    private static final class Session implements RawReadSession {
        private final SysctlTable table;
        private final SysctlRow row;
        private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

        Session(SysctlTable table, SysctlRow row) {
            this.table = table;
            this.row = row;
            table.readerOpened();
        }

        @Override
        public int read(long offset, byte[] dst, int count) {
            byte[] bytes = table.read(row, offset, count);
            System.arraycopy(bytes, 0, dst, 0, bytes.length);
            return bytes.length;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                table.readerClosed();
            }
        }
    }
}
