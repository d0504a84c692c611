package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Errno;

/** Multi-value and unsigned long rows: kernel/printk, net/ipv4/ip_local_port_range, fs/file-max. */
class SysctlVectorWriteTest {
    private static final String PRINTK = "/sys/kernel/printk";
    private static final String PORTS = "/sys/net/ipv4/ip_local_port_range";
    private static final String FILE_MAX = "/sys/fs/file-max";
    private final SysctlFs sys = SysctlFs.start();

    @AfterEach
    void stop() {
        sys.close();
    }

    @Test
    void read_multiValueRow_isTabSeparatedWithOneNewline() {
        assertEquals("4\t4\t1\t7\n", sys.cat(PRINTK));
        assertEquals("32768\t60999\n", sys.cat(PORTS));
    }

    @Test
    void write_allValues_storesThem() {
        assertEquals(8, sys.write(PRINTK, "3 4\t1 7\n"));
        assertEquals("3\t4\t1\t7\n", sys.cat(PRINTK));
    }

    @Test
    void write_fewerValues_replacesOnlyTheLeadingOnes() {
        assertEquals(1, sys.write(PRINTK, "2"));
        assertEquals("2\t4\t1\t7\n", sys.cat(PRINTK));
        assertEquals(5, sys.write(PORTS, "40000"));
        assertEquals("40000\t60999\n", sys.cat(PORTS));
    }

    @Test
    void write_surplusValue_returnsCountOfBytesForTheValuesTaken() {
        assertEquals(8, sys.write(PRINTK, "5 4 1 7 9"));
        assertEquals("5\t4\t1\t7\n", sys.cat(PRINTK));
        assertEquals(12, sys.write(PORTS, "32000 60000 5"));
        assertEquals("32000\t60000\n", sys.cat(PORTS));
    }

    @Test
    void write_badLaterValue_failsWithEinvalAndStoresNone() {
        // The kernel would already have stored "1"; we validate every value before storing any.
        assertEquals(Errno.EINVAL, sys.writeFails(PRINTK, "1 4 x"));
        assertEquals("4\t4\t1\t7\n", sys.cat(PRINTK));
        assertEquals(Errno.EINVAL, sys.writeFails(PORTS, "40000 70000"));
        assertEquals("32768\t60999\n", sys.cat(PORTS));
    }

    @Test
    void write_portRangeUpperBelowLower_failsWithEinvalAndKeepsValue() {
        assertEquals(Errno.EINVAL, sys.writeFails(PORTS, "60999 32768"));
        assertEquals(Errno.EINVAL, sys.writeFails(PORTS, "61000"));
        assertEquals("32768\t60999\n", sys.cat(PORTS));
    }

    @Test
    void write_portRangeEqualEnds_isAccepted() {
        // ipv4_local_port_range only refuses range[1] < range[0].
        assertEquals(11, sys.write(PORTS, "40000 40000"));
        assertEquals("40000\t40000\n", sys.cat(PORTS));
    }

    @Test
    void write_portRangeLowerBelowUnprivilegedStart_failsWithEinval() {
        assertEquals(Errno.EINVAL, sys.writeFails(PORTS, "1023 60999"));
        assertEquals(10, sys.write(PORTS, "1024 60999"));
        assertEquals("1024\t60999\n", sys.cat(PORTS));
    }

    @Test
    void write_portAbove65535_failsWithEinval() {
        assertEquals(Errno.EINVAL, sys.writeFails(PORTS, "70000 80000"));
        assertEquals("32768\t60999\n", sys.cat(PORTS));
    }

    @Test
    void write_unsignedLong_storesLongMax() {
        assertEquals(19, sys.write(FILE_MAX, "9223372036854775807"));
        assertEquals("9223372036854775807\n", sys.cat(FILE_MAX));
        assertEquals(8, sys.write(FILE_MAX, "0x25a187"));
        assertEquals("2466183\n", sys.cat(FILE_MAX));
    }

    @Test
    void write_unsignedLongNegative_failsWithEinval() {
        assertEquals(Errno.EINVAL, sys.writeFails(FILE_MAX, "-1"));
        assertEquals("9223372036854775807\n", sys.cat(FILE_MAX));
    }

    @Test
    void write_unsignedLongAboveLongMax_failsWithEinval() {
        assertEquals(Errno.EINVAL, sys.writeFails(FILE_MAX, "9223372036854775808"));
        assertEquals(Errno.EINVAL, sys.writeFails(FILE_MAX, "18446744073709551615"));
        assertEquals(Errno.EINVAL, sys.writeFails(FILE_MAX, "18446744073709551616"));
    }

    @Test
    void write_unsignedLongSurplus_returnsShortCount() {
        assertEquals(8, sys.write(FILE_MAX, "2466183 5"));
        assertEquals("2466183\n", sys.cat(FILE_MAX));
    }

    @Test
    void read_fileNr_showsThreeComputedValuesEndingWithFileMax() {
        sys.write(FILE_MAX, "1000");
        String[] fields = sys.cat("/sys/fs/file-nr").strip().split("\t");
        assertEquals(3, fields.length);
        assertEquals("0", fields[1]);
        assertEquals("1000", fields[2]);
    }
}
