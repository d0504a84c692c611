package org.uprocfs.providers.process.files;

import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * A write to the legacy {@code /proc/PID/oom_adj}, as {@code oom_adj_write} (fs/proc/base.c) takes it: the same
 * 12-byte copy, strip and base-0 {@code kstrtoint} as oom_score_adj, a range of -17..15, and the value scaled
 * linearly onto oom_score_adj (15 maps to 1000 so the maximum stays reachable).
 */
public final class OomAdjWriter {
    /** OOM_DISABLE, also OOM_ADJUST_MIN. */
    public static final int MIN = -17;
    /** OOM_ADJUST_MAX. */
    public static final int MAX = 15;

    private OomAdjWriter() {
    }

    /** The oom_score_adj the write asks for and the byte count it returns, before any permission check. */
    public static NumberWrite parse(byte[] data) {
        int oomAdj = Kstrto.toInt(Kstrto.strstrip(Kstrto.cString(data, OomScoreAdjWriter.MAX_BYTES)), 0);
        if (oomAdj < MIN || oomAdj > MAX) {
            throw new ProcException(Errno.EINVAL, "oom_adj out of range: " + oomAdj);
        }
        return new NumberWrite(toScoreAdj(oomAdj), Math.min(data.length, OomScoreAdjWriter.MAX_BYTES));
    }

    /**
     * The whole write: the legacy check of {@code __set_oom_adj} is against the current oom_score_adj, not the
     * floor: lowering it at all needs CAP_SYS_RESOURCE (EACCES).
     */
    public static NumberWrite write(byte[] data, int currentOomScoreAdj, boolean capSysResource) {
        NumberWrite parsed = parse(data);
        if (parsed.value() < currentOomScoreAdj && !capSysResource) {
            throw new ProcException(Errno.EACCES, "lowering oom_adj needs CAP_SYS_RESOURCE");
        }
        return parsed;
    }

    /** {@code oom_adj_write}'s scaling: 15 is 1000, else {@code adj * 1000 / 17} truncated toward zero. */
    public static int toScoreAdj(int oomAdj) {
        return oomAdj == MAX ? OomScoreAdjWriter.MAX : oomAdj * OomScoreAdjWriter.MAX / -MIN;
    }

    /**
     * {@code oom_adj_read}'s scaling back: {@code score_adj * 17 / 1000} truncated toward zero and capped at 15
     * (so 942..1000 all read as 15; the cap came in with 5.x).
     */
    public static int fromScoreAdj(int oomScoreAdj) {
        return Math.min(MAX, oomScoreAdj * -MIN / OomScoreAdjWriter.MAX);
    }
}
