package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.WriteCases.MIB;
import static org.uprocfs.providers.process.files.WriteCases.assertErrno;
import static org.uprocfs.providers.process.files.WriteCases.bytes;
import static org.uprocfs.providers.process.files.WriteCases.concat;
import static org.uprocfs.providers.process.files.WriteCases.repeat;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/** oom_score_adj writes, each answer pinned against a 6.18 kernel (a root task without CAP_SYS_RESOURCE). */
class OomScoreAdjWriterTest {
    @Test
    void parse_plainNumber_isTakenWithItsLength() {
        assertEquals(new NumberWrite(500, 3), OomScoreAdjWriter.parse(bytes("500")));
    }

    @Test
    void parse_leadingAndTrailingWhitespace_isStripped() {
        assertEquals(new NumberWrite(500, 6), OomScoreAdjWriter.parse(bytes(" 500 \n")));
        assertEquals(new NumberWrite(5, 3), OomScoreAdjWriter.parse(bytes("5\n\n")));
        assertEquals(new NumberWrite(5, 2), OomScoreAdjWriter.parse(bytes(" 5")));
    }

    @Test
    void parse_latin1NonBreakingSpace_isWhitespaceToTheKernel() {
        assertEquals(new NumberWrite(5, 3), OomScoreAdjWriter.parse(new byte[] {(byte) 0xa0, '5', (byte) 0xa0}));
    }

    @Test
    void parse_empty_isEinval() {
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(new byte[0]));
    }

    @Test
    void parse_junk_isEinval() {
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(bytes("abc")));
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(bytes("--5")));
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(bytes("0x")));
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(bytes("5 5")));
    }

    @Test
    void parse_outOfRange_isEinval() {
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(bytes("1001")));
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.parse(bytes("-1001")));
    }

    @Test
    void parse_beyondInt_isErange() {
        assertErrno(Errno.ERANGE, () -> OomScoreAdjWriter.parse(bytes("99999999999")));
        assertErrno(Errno.ERANGE, () -> OomScoreAdjWriter.parse(bytes("2147483648")));
        assertErrno(Errno.ERANGE, () -> OomScoreAdjWriter.parse(bytes("12345678901\n")));
    }

    @Test
    void parse_embeddedNul_endsTheNumber() {
        assertEquals(new NumberWrite(5, 6), OomScoreAdjWriter.parse(bytes("5\0junk")));
    }

    @Test
    void parse_basePrefixes_areC() {
        assertEquals(16, OomScoreAdjWriter.parse(bytes("0x10")).value());
        assertEquals(8, OomScoreAdjWriter.parse(bytes("010")).value());
        assertEquals(7, OomScoreAdjWriter.parse(bytes("+7")).value());
        assertEquals(0, OomScoreAdjWriter.parse(bytes("-0")).value());
        assertEquals(-1000, OomScoreAdjWriter.parse(bytes("\t-1000\n")).value());
    }

    @Test
    void parse_hugeOfDigits_readsTwelveBytesAndOverflows() {
        assertErrno(Errno.ERANGE, () -> OomScoreAdjWriter.parse(repeat('1', MIB)));
    }

    @Test
    void parse_hugeWithANumberFirst_consumesTwelveBytes() {
        assertEquals(new NumberWrite(5, 12), OomScoreAdjWriter.parse(concat(bytes("5"), repeat(' ', MIB))));
    }

    @Test
    void parse_atAnOffset_isTheSameAsAtZero() {
        // oom_score_adj_write never looks at *ppos: the offset is not even an input.
        assertEquals(new NumberWrite(300, 3), OomScoreAdjWriter.parse(bytes("300")));
    }

    @Test
    void write_belowTheFloorWithoutCapSysResource_isEacces() {
        assertErrno(Errno.EACCES, () -> OomScoreAdjWriter.write(bytes("\t-1000\n"), 0, false));
        assertErrno(Errno.EACCES, () -> OomScoreAdjWriter.write(bytes("-1"), 0, false));
    }

    @Test
    void write_belowTheFloorWithCapSysResource_isAllowed() {
        assertEquals(-1000, OomScoreAdjWriter.write(bytes("-1000"), 0, true).value());
    }

    @Test
    void write_downToTheFloor_isAllowedWithoutCapability() {
        assertEquals(0, OomScoreAdjWriter.write(bytes("0"), 0, false).value());
        assertEquals(100, OomScoreAdjWriter.write(bytes("100"), -200, false).value());
    }

    @Test
    void write_junkBelowTheFloor_isEinvalNotEacces() {
        assertErrno(Errno.EINVAL, () -> OomScoreAdjWriter.write(bytes("-2000"), 0, false));
    }
}
