package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.function.Executable;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/** Small helpers for the writer tests: bytes of a write, and the errno a write fails with. */
final class WriteCases {
    /** One MiB, the size of the "huge" writes. */
    static final int MIB = 1 << 20;

    private WriteCases() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] repeat(char c, int count) {
        byte[] data = new byte[count];
        Arrays.fill(data, (byte) c);
        return data;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void assertErrno(Errno expected, Executable write) {
        assertEquals(expected, assertThrows(ProcException.class, write).errno());
    }
}
