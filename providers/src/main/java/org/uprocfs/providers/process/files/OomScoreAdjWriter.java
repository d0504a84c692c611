package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * A write to {@code /proc/PID/oom_score_adj}, as {@code oom_score_adj_write} and {@code __set_oom_adj}
 * (fs/proc/base.c) take it.
 *
 * <p>At most PROC_NUMBUF - 1 = 12 bytes are copied (the call returns that many, so a longer write is short),
 * cut at a NUL, {@code strstrip}ped and read by {@code kstrtoint} in base 0: junk is EINVAL, more than an int
 * is ERANGE, outside -1000..1000 is EINVAL; a value below the task's {@code oom_score_adj_min} needs
 * CAP_SYS_RESOURCE (EACCES). The offset is ignored.
 */
public final class OomScoreAdjWriter {
    /** OOM_SCORE_ADJ_MIN. */
    public static final int MIN = -1000;
    /** OOM_SCORE_ADJ_MAX. */
    public static final int MAX = 1000;
    /** PROC_NUMBUF - 1: the bytes a numeric proc write looks at. */
    static final int MAX_BYTES = 12;

    private OomScoreAdjWriter() {
    }

    /** The parsed value and the byte count the write returns, before any permission check. */
    public static NumberWrite parse(byte[] data) {
        int value = Kstrto.toInt(Kstrto.strstrip(Kstrto.cString(data, MAX_BYTES)), 0);
        if (value < MIN || value > MAX) {
            throw new ProcException(Errno.EINVAL, "oom_score_adj out of range: " + value);
        }
        return new NumberWrite(value, Math.min(data.length, MAX_BYTES));
    }

    /**
     * The whole write: parse, then the {@code __set_oom_adj} check against the task's floor. A caller with
     * CAP_SYS_RESOURCE also moves the floor to the new value (the kernel's {@code oom_score_adj_min}).
     */
    public static NumberWrite write(byte[] data, int oomScoreAdjMin, boolean capSysResource) {
        NumberWrite parsed = parse(data);
        if (parsed.value() < oomScoreAdjMin && !capSysResource) {
            throw new ProcException(Errno.EACCES, "lowering oom_score_adj below " + oomScoreAdjMin
                    + " needs CAP_SYS_RESOURCE");
        }
        return parsed;
    }
}
