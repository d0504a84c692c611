package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * A write to {@code /proc/PID/timerslack_ns}, as {@code timerslack_ns_write} (fs/proc/base.c) takes it.
 *
 * <p>{@code kstrtoull_from_user} copies at most 66 bytes, cut at a NUL, and parses them in base 10 with no
 * whitespace stripping (one trailing newline is allowed, a leading space or a sign other than {@code +} is
 * EINVAL, more than 64 bits is ERANGE). Another task than the writer itself needs CAP_SYS_NICE (EPERM); 0 means
 * the task's default slack, and real-time tasks always get 0. The call returns the full count.
 */
public final class TimerslackWriter {
    /** sizeof(buf) - 1 of kstrtoull_from_user: sign, 64 binary digits, newline. */
    static final int MAX_BYTES = 66;

    private TimerslackWriter() {
    }

    /** The number written (unsigned 64 bits) and the byte count the write returns. */
    public static NumberWrite parse(byte[] data) {
        long value = Kstrto.toUnsignedLong(Kstrto.cString(data, MAX_BYTES), 10);
        return new NumberWrite(value, data.length);
    }

    /** The whole write: parse, the permission check, then the slack the task ends up with. */
    public static NumberWrite write(byte[] data, boolean writerIsTask, boolean capSysNice, long defaultSlackNs,
            boolean realtimePolicy) {
        NumberWrite parsed = parse(data);
        if (!writerIsTask && !capSysNice) {
            throw new ProcException(Errno.EPERM, "changing another task's timer slack needs CAP_SYS_NICE");
        }
        long slack = realtimePolicy ? 0 : parsed.value() == 0 ? defaultSlackNs : parsed.value();
        return new NumberWrite(slack, parsed.consumed());
    }
}
