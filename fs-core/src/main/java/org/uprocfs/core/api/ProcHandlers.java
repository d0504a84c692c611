package org.uprocfs.core.api;

/**
 * What a file does on open, read and write; any may be absent (no open check allows what the mode allows,
 * no read handler reads as empty, no write handler is EIO).
 */
public record ProcHandlers(ReadHandler read, WriteHandler write, OpenCheck open) {

    /** Read and write handlers without an open check. */
    public ProcHandlers(ReadHandler read, WriteHandler write) {
        this(read, write, null);
    }

    /** A {@code single_open}-style file. */
    public static ProcHandlers show(ShowHandler show) {
        return new ProcHandlers(show, null);
    }

    /** A {@code seq_operations} file. */
    public static ProcHandlers seq(SeqOperations<?> operations) {
        return new ProcHandlers(operations, null);
    }

    /** A legacy {@code read_proc} file. */
    public static ProcHandlers legacy(LegacyReadProc readProc) {
        return new ProcHandlers(readProc, null);
    }

    /** A file that owns its offsets ({@code proc_read}). */
    public static ProcHandlers raw(RawReadHandler raw) {
        return new ProcHandlers(raw, null);
    }

    /** A write-only file. */
    public static ProcHandlers writeOnly(WriteHandler write) {
        return new ProcHandlers(null, write);
    }

    /** The same read handler with a write handler added. */
    public ProcHandlers withWrite(WriteHandler writeHandler) {
        return new ProcHandlers(read, writeHandler, open);
    }

    /** The same handlers with a check at open. */
    public ProcHandlers withOpenCheck(OpenCheck check) {
        return new ProcHandlers(read, write, check);
    }
}
