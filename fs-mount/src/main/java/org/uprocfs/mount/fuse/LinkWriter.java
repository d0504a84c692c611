package org.uprocfs.mount.fuse;

import java.nio.charset.StandardCharsets;
import jnr.ffi.Pointer;

/** Writes a symlink target into readlink's buffer, NUL-terminated and truncated to fit, as libfuse2 expects. */
final class LinkWriter {
    private LinkWriter() {
    }

    static void write(String target, Pointer buf, long size) {
        if (size <= 0) {
            return;
        }
        byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
        int length = (int) Math.min(bytes.length, size - 1);
        buf.put(0, bytes, 0, length);
        buf.putByte(length, (byte) 0);
    }
}
