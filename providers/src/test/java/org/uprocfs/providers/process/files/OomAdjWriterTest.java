package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.WriteCases.MIB;
import static org.uprocfs.providers.process.files.WriteCases.assertErrno;
import static org.uprocfs.providers.process.files.WriteCases.bytes;
import static org.uprocfs.providers.process.files.WriteCases.repeat;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/** Legacy oom_adj writes and the two scalings, pinned against a 6.18 kernel. */
class OomAdjWriterTest {
    @Test
    void parse_fifteen_mapsToTheMaximumScoreAdj() {
        assertEquals(new NumberWrite(1000, 2), OomAdjWriter.parse(bytes("15")));
    }

    @Test
    void parse_values_scaleLinearlyTruncatingTowardZero() {
        assertEquals(470, OomAdjWriter.parse(bytes("8")).value());
        assertEquals(58, OomAdjWriter.parse(bytes("1")).value());
        assertEquals(176, OomAdjWriter.parse(bytes(" 3\n")).value());
        assertEquals(411, OomAdjWriter.parse(bytes("0x7")).value());
        assertEquals(-1000, OomAdjWriter.parse(bytes("-17")).value());
        assertEquals(-470, OomAdjWriter.parse(bytes("-8")).value());
    }

    @Test
    void parse_outOfRange_isEinval() {
        assertErrno(Errno.EINVAL, () -> OomAdjWriter.parse(bytes("16")));
        assertErrno(Errno.EINVAL, () -> OomAdjWriter.parse(bytes("-18")));
    }

    @Test
    void parse_emptyOrJunk_isEinval() {
        assertErrno(Errno.EINVAL, () -> OomAdjWriter.parse(new byte[0]));
        assertErrno(Errno.EINVAL, () -> OomAdjWriter.parse(bytes("x")));
    }

    @Test
    void parse_embeddedNul_endsTheNumber() {
        assertEquals(new NumberWrite(58, 3), OomAdjWriter.parse(bytes("1\0x")));
    }

    @Test
    void parse_huge_isErange() {
        assertErrno(Errno.ERANGE, () -> OomAdjWriter.parse(repeat('9', MIB)));
    }

    @Test
    void write_lowerThanCurrentWithoutCapSysResource_isEacces() {
        // The legacy check compares with the current value, not with the floor.
        assertErrno(Errno.EACCES, () -> OomAdjWriter.write(bytes("-17"), 0, false));
        assertErrno(Errno.EACCES, () -> OomAdjWriter.write(bytes("1"), 470, false));
    }

    @Test
    void write_notLower_isAllowed() {
        assertEquals(470, OomAdjWriter.write(bytes("8"), 0, false).value());
        assertEquals(-1000, OomAdjWriter.write(bytes("-17"), 0, true).value());
    }

    @Test
    void fromScoreAdj_readsBackAsTheKernelPrintsIt() {
        assertEquals(8, OomAdjWriter.fromScoreAdj(500));
        assertEquals(7, OomAdjWriter.fromScoreAdj(470));
        assertEquals(0, OomAdjWriter.fromScoreAdj(58));
        assertEquals(1, OomAdjWriter.fromScoreAdj(59));
        assertEquals(-17, OomAdjWriter.fromScoreAdj(-1000));
        assertEquals(0, OomAdjWriter.fromScoreAdj(-1));
    }

    @Test
    void fromScoreAdj_above941_isCappedAtFifteen() {
        assertEquals(15, OomAdjWriter.fromScoreAdj(941));
        assertEquals(15, OomAdjWriter.fromScoreAdj(942));
        assertEquals(15, OomAdjWriter.fromScoreAdj(999));
        assertEquals(15, OomAdjWriter.fromScoreAdj(1000));
    }
}
