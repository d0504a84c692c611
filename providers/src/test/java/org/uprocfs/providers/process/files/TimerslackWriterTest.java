package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.WriteCases.MIB;
import static org.uprocfs.providers.process.files.WriteCases.assertErrno;
import static org.uprocfs.providers.process.files.WriteCases.bytes;
import static org.uprocfs.providers.process.files.WriteCases.repeat;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/** timerslack_ns writes, each answer pinned against a 6.18 kernel. */
class TimerslackWriterTest {
    @Test
    void parse_number_returnsTheFullCount() {
        assertEquals(new NumberWrite(100, 3), TimerslackWriter.parse(bytes("100")));
        assertEquals(new NumberWrite(100, 4), TimerslackWriter.parse(bytes("100\n")));
        assertEquals(new NumberWrite(100, 4), TimerslackWriter.parse(bytes("+100")));
    }

    @Test
    void parse_whitespaceOtherThanOneTrailingNewline_isEinval() {
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(bytes(" 100")));
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(bytes("100 ")));
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(bytes("100\n\n")));
    }

    @Test
    void parse_emptyNegativeHexOrJunk_isEinval() {
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(new byte[0]));
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(bytes("-1")));
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(bytes("0x10")));
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.parse(bytes("abc")));
    }

    @Test
    void parse_sixtyFourBits_isTheLimit() {
        assertEquals(-1L, TimerslackWriter.parse(bytes("18446744073709551615")).value());
        assertErrno(Errno.ERANGE, () -> TimerslackWriter.parse(bytes("18446744073709551616")));
    }

    @Test
    void parse_huge_isErange() {
        assertErrno(Errno.ERANGE, () -> TimerslackWriter.parse(repeat('1', MIB)));
    }

    @Test
    void parse_embeddedNul_endsTheNumber() {
        assertEquals(new NumberWrite(7, 3), TimerslackWriter.parse(bytes("7\0x")));
    }

    @Test
    void write_zero_restoresTheDefault() {
        assertEquals(50000, TimerslackWriter.write(bytes("0"), true, false, 50000, false).value());
    }

    @Test
    void write_realtimeTask_alwaysGetsZero() {
        assertEquals(0, TimerslackWriter.write(bytes("100"), true, false, 50000, true).value());
    }

    @Test
    void write_otherTaskWithoutCapSysNice_isEperm() {
        assertErrno(Errno.EPERM, () -> TimerslackWriter.write(bytes("100"), false, false, 50000, false));
        assertEquals(100, TimerslackWriter.write(bytes("100"), false, true, 50000, false).value());
    }

    @Test
    void write_junkFromAnotherTask_isEinvalBeforeThePermissionCheck() {
        assertErrno(Errno.EINVAL, () -> TimerslackWriter.write(bytes("x"), false, false, 50000, false));
    }
}
