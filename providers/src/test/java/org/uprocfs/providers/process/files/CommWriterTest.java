package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.WriteCases.MIB;
import static org.uprocfs.providers.process.files.WriteCases.assertErrno;
import static org.uprocfs.providers.process.files.WriteCases.bytes;
import static org.uprocfs.providers.process.files.WriteCases.repeat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/** comm writes, each answer pinned against a 6.18 kernel. */
class CommWriterTest {
    @Test
    void parse_shortName_isKeptAsIs() {
        assertEquals("abc", CommWriter.parseText(bytes("abc"), true));
    }

    @Test
    void parse_empty_givesAnEmptyName() {
        assertArrayEquals(new byte[0], CommWriter.parse(new byte[0], true));
    }

    @Test
    void parse_trailingNewline_staysPartOfTheName() {
        assertEquals("x\n", CommWriter.parseText(bytes("x\n"), true));
    }

    @Test
    void parse_surroundingSpaces_areNotStripped() {
        assertEquals("  sp  ", CommWriter.parseText(bytes("  sp  "), true));
    }

    @Test
    void parse_longName_isCutAtFifteenBytes() {
        assertEquals("0123456789abcde", CommWriter.parseText(bytes("0123456789abcdefghij"), true));
        assertEquals("a\\b\nc (x) y z 0", CommWriter.parseText(bytes("a\\b\nc (x) y z 0123456789"), true));
    }

    @Test
    void parse_huge_keepsTheFirstFifteenBytes() {
        assertEquals("111111111111111", CommWriter.parseText(repeat('1', MIB), true));
    }

    @Test
    void parse_embeddedNul_endsTheName() {
        assertEquals("a", CommWriter.parseText(bytes("a\0b"), true));
    }

    @Test
    void parse_utf8_isKeptByteForByte() {
        byte[] name = "\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(name, CommWriter.parse(name, true));
    }

    @Test
    void parse_otherThreadGroup_isEinval() {
        assertErrno(Errno.EINVAL, () -> CommWriter.parse(bytes("abc"), false));
    }

    @Test
    void parse_atAnOffset_isTheSameAsAtZero() {
        // comm_write ignores *offset: writing "zz" at offset 100 names the task "zz".
        assertEquals("zz", CommWriter.parseText(bytes("zz"), true));
    }
}
