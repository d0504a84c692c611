package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/**
 * Writes to int rows follow proc_dointvec_minmax in strict mode; every expectation here was checked
 * against /proc/sys/vm/swappiness and friends on a 6.x kernel.
 */
class SysctlIntWriteTest {
    private static final String SWAPPINESS = "/sys/vm/swappiness";
    private final SysctlFs sys = SysctlFs.start();

    @AfterEach
    void stop() {
        sys.close();
    }

    @Test
    void write_plainNumber_storesItAndTakesAllBytes() {
        assertEquals(2, sys.write(SWAPPINESS, "10"));
        assertEquals("10\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_leadingAndTrailingWhitespace_isAccepted() {
        assertEquals(5, sys.write(SWAPPINESS, " 10 \n"));
        assertEquals(4, sys.write(SWAPPINESS, " \t11"));
        assertEquals("11\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_verticalTabAndFormFeedBefore_areSkippedAsSpace() {
        assertEquals(3, sys.write(SWAPPINESS, "\u000b12"));
        assertEquals(4, sys.write(SWAPPINESS, "\f13\n"));
        assertEquals("13\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_hexWithPrefix_isParsedAsHex() {
        assertEquals(4, sys.write(SWAPPINESS, "0x1f"));
        assertEquals("31\n", sys.cat(SWAPPINESS));
        assertEquals(4, sys.write(SWAPPINESS, "0X1E"));
        assertEquals("30\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_leadingZero_isParsedAsOctal() {
        assertEquals(3, sys.write(SWAPPINESS, "010"));
        assertEquals("8\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_eightOrNineAfterLeadingZero_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "08"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "09"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_hexPrefixWithoutDigits_failsWithEinval() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "0x"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "0xg"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_negativeZero_isZero() {
        assertEquals(2, sys.write(SWAPPINESS, "-0"));
        assertEquals("0\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_negativeNumberOnSignedRow_isStored() {
        assertEquals(2, sys.write("/sys/kernel/panic", "-5"));
        assertEquals("-5\n", sys.cat("/sys/kernel/panic"));
        assertEquals(5, sys.write("/sys/kernel/panic", "-0x10"));
        assertEquals("-16\n", sys.cat("/sys/kernel/panic"));
    }

    @Test
    void write_intMinimum_isStored() {
        assertEquals(11, sys.write("/sys/kernel/panic", "-2147483648"));
        assertEquals("-2147483648\n", sys.cat("/sys/kernel/panic"));
    }

    @Test
    void write_intOverflow_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails("/sys/kernel/panic", "2147483648"));
        assertEquals(Errno.EINVAL, sys.writeFails("/sys/kernel/panic", "-2147483649"));
        assertEquals(Errno.EINVAL, sys.writeFails("/sys/kernel/panic", "4294967296"));
        assertEquals(Errno.EINVAL, sys.writeFails("/sys/kernel/panic", "99999999999999999999"));
        assertEquals("0\n", sys.cat("/sys/kernel/panic"));
    }

    @Test
    void write_valueAboveMax_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "201"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_valueBelowMin_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "-1"));
        assertEquals(Errno.EINVAL, sys.writeFails("/sys/kernel/pid_max", "300"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
        assertEquals("4194304\n", sys.cat("/sys/kernel/pid_max"));
    }

    @Test
    void write_boundsThemselves_areAccepted() {
        sys.write(SWAPPINESS, "200");
        assertEquals("200\n", sys.cat(SWAPPINESS));
        sys.write(SWAPPINESS, "0");
        assertEquals("0\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_nonNumeric_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "abc"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "+60"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "-"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "--5"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_junkRightAfterNumber_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "10x"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "10.5"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_carriageReturnAfterNumber_failsWithEinval() {
        // Only space, tab and newline may end a number (proc_wspace_sep), although \r is skipped before one.
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "10\r\n"));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "10\u000b"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_whitespaceOnly_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "   \n"));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_zeroBytes_returnsZeroAndKeepsValue() {
        assertEquals(0, sys.write(SWAPPINESS, ""));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_atOffsetAboveZero_isIgnoredAndReportsFullCount() {
        assertEquals(2, sys.write(SWAPPINESS, "10".getBytes(StandardCharsets.US_ASCII), 5));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_atOffsetAboveZeroWithGarbage_isStillIgnoredWithFullCount() {
        assertEquals(3, sys.write(SWAPPINESS, "xyz".getBytes(StandardCharsets.US_ASCII), 1));
        assertEquals("60\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_surplusValue_takesTheFirstAndReturnsShortCount() {
        // "10 " is consumed (the value and the spaces after it); "11" is left for the caller to retry.
        assertEquals(3, sys.write(SWAPPINESS, "10 11"));
        assertEquals("10\n", sys.cat(SWAPPINESS));
        assertEquals(4, sys.write(SWAPPINESS, "12\t\t13 14"));
        assertEquals("12\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_junkAfterSeparator_isASurplusValueNotAnError() {
        assertEquals(3, sys.write(SWAPPINESS, "10 x"));
        assertEquals("10\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_twentyDigitNumber_isAcceptedButTwentyOneIsNot() {
        // proc_get_long copies at most 21 bytes and refuses a number that fills them.
        assertEquals(20, sys.write(SWAPPINESS, "00000000000000000060"));
        assertEquals("48\n", sys.cat(SWAPPINESS));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, "000000000000000000060"));
        assertEquals("48\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_longerThanAPage_onlyTheFirst4095BytesAreLookedAt() {
        assertEquals(5002, sys.write(SWAPPINESS, "10" + " ".repeat(5000)));
        assertEquals("10\n", sys.cat(SWAPPINESS));
        assertEquals(Errno.EINVAL, sys.writeFails(SWAPPINESS, " ".repeat(5000) + "11"));
        assertEquals("10\n", sys.cat(SWAPPINESS));
    }

    @Test
    void write_howtoValueOutsideTenToTwenty_failsWithEinval() {
        try (SysctlFs howto = SysctlFs.start(java.util.Map.of(), java.util.List.of("howto_sysctl"))) {
            assertEquals(Errno.EINVAL, howto.writeFails("/sys/net/test/value1", "9"));
            assertEquals(Errno.EINVAL, howto.writeFails("/sys/net/test/value2", "21"));
            assertEquals(3, howto.write("/sys/net/test/value1", "15\n"));
            assertEquals("15\n", howto.cat("/sys/net/test/value1"));
            assertEquals("10\n", howto.cat("/sys/net/test/value2"));
        }
    }
}
