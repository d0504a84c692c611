package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.SeqBuffer;

class CommBytesTest {
    private static byte[] rendered(String name) {
        SeqBuffer m = new SeqBuffer(Caller.ROOT, 1 << 20);
        CommBytes.put(m, name);
        return m.toByteArray();
    }

    @Test
    void decode_utf8_isTheText() {
        assertEquals("\u00e9t\u00e9 \u20ac", CommBytes.decode("\u00e9t\u00e9 \u20ac".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void decodeThenPut_anyBytes_giveTheSameBytes() {
        byte[][] names = {
            {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'},
            {'a', (byte) 0xe2, (byte) 0x82},
            {(byte) 0xa5, 0x30, 0x55, 0x7a, (byte) 0x9f, (byte) 0xc4, (byte) 0xe9, 0x0e},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80, 'x'},
            "plain".getBytes(StandardCharsets.US_ASCII),
            {},
        };
        for (byte[] name : names) {
            assertArrayEquals(name, rendered(CommBytes.decode(name)));
        }
    }

    @Test
    void put_ordinaryName_isUtf8() {
        assertArrayEquals("k\u00e9".getBytes(StandardCharsets.UTF_8), rendered("k\u00e9"));
    }
}
