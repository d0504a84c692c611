package org.uprocfs.providers.process.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uprocfs.providers.process.files.WriteCases.assertErrno;

import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/** The kstrtox rules the writers share, at the edges of their ranges. */
class KstrtoTest {
    @Test
    void toLong_extremes_fitExactly() {
        assertEquals(Long.MIN_VALUE, Kstrto.toLong("-9223372036854775808", 10));
        assertEquals(Long.MAX_VALUE, Kstrto.toLong("9223372036854775807", 10));
    }

    @Test
    void toLong_pastTheExtremes_isErange() {
        assertErrno(Errno.ERANGE, () -> Kstrto.toLong("-9223372036854775809", 10));
        assertErrno(Errno.ERANGE, () -> Kstrto.toLong("9223372036854775808", 10));
    }

    @Test
    void toInt_extremes_fitAndOneMoreIsErange() {
        assertEquals(Integer.MIN_VALUE, Kstrto.toInt("-2147483648", 0));
        assertErrno(Errno.ERANGE, () -> Kstrto.toInt("-2147483649", 0));
    }

    @Test
    void toUnsignedLong_overflowIsReportedBeforeTrailingJunk() {
        assertErrno(Errno.ERANGE, () -> Kstrto.toUnsignedLong("99999999999999999999x", 10));
    }

    @Test
    void toUnsignedLong_digitOutsideTheBase_endsTheNumber() {
        assertErrno(Errno.EINVAL, () -> Kstrto.toUnsignedLong("08", 0));
        assertEquals(255, Kstrto.toUnsignedLong("0xff\n", 0));
        assertEquals(255, Kstrto.toUnsignedLong("0XFF", 16));
    }

    @Test
    void toLong_signFollowedBySign_isEinval() {
        assertErrno(Errno.EINVAL, () -> Kstrto.toLong("-+5", 10));
        assertErrno(Errno.EINVAL, () -> Kstrto.toLong("+-5", 10));
    }

    @Test
    void strstrip_removesKernelWhitespaceOnBothEnds() {
        assertEquals("5 5", Kstrto.strstrip("\t\n\u000b\f\r 5 5 \u00a0"));
        assertEquals("", Kstrto.strstrip("   "));
    }

    @Test
    void cString_stopsAtNulAndAtTheCopyLimit() {
        assertEquals("ab", Kstrto.cString(new byte[] {'a', 'b', 0, 'c'}, 12));
        assertEquals("abc", Kstrto.cString(new byte[] {'a', 'b', 'c', 'd'}, 3));
    }
}
