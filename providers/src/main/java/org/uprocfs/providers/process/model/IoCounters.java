package org.uprocfs.providers.process.model;

/** The seven counters of /proc/PID/io in the kernel's order, rchar to cancelled_write_bytes, in bytes and calls. */
public record IoCounters(long rchar, long wchar, long syscr, long syscw, long readBytes, long writeBytes,
        long cancelledWriteBytes) {
    /** No I/O at all, as a kernel thread or a fresh task shows. */
    public static final IoCounters ZERO = new IoCounters(0, 0, 0, 0, 0, 0, 0);

    /** The field-wise sum, as the group's io adds up its threads. */
    public IoCounters plus(IoCounters o) {
        return new IoCounters(rchar + o.rchar, wchar + o.wchar, syscr + o.syscr, syscw + o.syscw,
                readBytes + o.readBytes, writeBytes + o.writeBytes, cancelledWriteBytes + o.cancelledWriteBytes);
    }
}
