package org.uprocfs.providers.process.files;

import java.util.Arrays;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * A write to {@code /proc/PID/comm} or {@code task/TID/comm}, as {@code comm_write} (fs/proc/base.c) takes it.
 *
 * <p>The kernel copies at most TASK_COMM_LEN - 1 = 15 bytes into a zeroed buffer, and {@code __set_task_comm}
 * ({@code strscpy_pad}) keeps them up to the first NUL: nothing is stripped, a trailing newline stays part of
 * the name, an empty write gives an empty name. The offset is ignored and the call always returns the full
 * count; only a task of the same thread group may write, anyone else gets EINVAL.
 */
public final class CommWriter {
    /** TASK_COMM_LEN - 1: the bytes of a name. */
    public static final int MAX_BYTES = 15;

    private CommWriter() {
    }

    /** The new name's bytes; the write returns {@code data.length}. */
    public static byte[] parse(byte[] data, boolean sameThreadGroup) {
        if (!sameThreadGroup) {
            throw new ProcException(Errno.EINVAL, "comm is writable only by its own thread group");
        }
        int length = Math.min(data.length, MAX_BYTES);
        for (int i = 0; i < length; i++) {
            if (data[i] == 0) {
                length = i;
                break;
            }
        }
        return Arrays.copyOf(data, length);
    }

    /**
     * The new name as the model holds it ({@link CommBytes}): read back, it gives exactly the kernel's bytes,
     * also when they are not UTF-8 or a multi-byte character is cut at byte 15.
     */
    public static String parseText(byte[] data, boolean sameThreadGroup) {
        return CommBytes.decode(parse(data, sameThreadGroup));
    }
}
