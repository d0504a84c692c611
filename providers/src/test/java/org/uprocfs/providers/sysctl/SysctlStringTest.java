package org.uprocfs.providers.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** String rows follow {@code _proc_do_string} in strict mode, checked against kernel/domainname on Linux. */
class SysctlStringTest {
    private static final String HOSTNAME = "/sys/kernel/hostname";
    private static final String DOMAIN = "/sys/kernel/domainname";
    private final SysctlFs sys = SysctlFs.start();

    @AfterEach
    void stop() {
        sys.close();
    }

    private int writeAt(String path, String text, long offset) {
        return sys.write(path, text.getBytes(StandardCharsets.UTF_8), offset);
    }

    @Test
    void read_defaults_areTheKernelStrings() {
        assertEquals("uprocfs\n", sys.cat(HOSTNAME));
        assertEquals("(none)\n", sys.cat(DOMAIN));
        assertEquals("Linux\n", sys.cat("/sys/kernel/ostype"));
        assertEquals("6.1.0-uprocfs\n", sys.cat("/sys/kernel/osrelease"));
        assertEquals(true, sys.cat("/sys/kernel/version").startsWith("#1 SMP PREEMPT_DYNAMIC "));
    }

    @Test
    void write_string_replacesValueAndReportsFullCount() {
        assertEquals(7, sys.write(HOSTNAME, "box-01\n"));
        assertEquals("box-01\n", sys.cat(HOSTNAME));
    }

    @Test
    void write_stringWithNewlineInside_stopsAtTheNewline() {
        assertEquals(11, sys.write(DOMAIN, "line1\nline2"));
        assertEquals("line1\n", sys.cat(DOMAIN));
    }

    @Test
    void write_stringWithNul_stopsAtTheNul() {
        assertEquals(3, sys.write(DOMAIN, "a\0b"));
        assertEquals("a\n", sys.cat(DOMAIN));
    }

    @Test
    void write_justNewline_makesTheStringEmpty() {
        assertEquals(1, sys.write(DOMAIN, "\n"));
        assertEquals("\n", sys.cat(DOMAIN));
    }

    @Test
    void write_whitespace_isKeptVerbatim() {
        assertEquals(7, sys.write(DOMAIN, "  pad  "));
        assertEquals("  pad  \n", sys.cat(DOMAIN));
    }

    @Test
    void write_longerThanMaxlen_keepsMaxlenMinusOneBytes() {
        // The kernel's nodename buffer is 65 bytes, so 64 are kept (HOST_NAME_MAX).
        assertEquals(100, sys.write(HOSTNAME, "x".repeat(100)));
        assertEquals("x".repeat(64) + "\n", sys.cat(HOSTNAME));
    }

    @Test
    void write_zeroBytes_returnsZeroAndKeepsValue() {
        assertEquals(0, sys.write(HOSTNAME, ""));
        assertEquals("uprocfs\n", sys.cat(HOSTNAME));
    }

    @Test
    void write_atOffsetWithinString_continuesFromThere() {
        writeAt(DOMAIN, "abcdef", 0);
        assertEquals(2, writeAt(DOMAIN, "XY", 3));
        assertEquals("abcXY\n", sys.cat(DOMAIN));
    }

    @Test
    void write_atOffsetPastEndOfString_isIgnoredAndReportsFullCount() {
        writeAt(DOMAIN, "abcde", 0);
        assertEquals(2, writeAt(DOMAIN, "ZZ", 6));
        assertEquals(2, writeAt(DOMAIN, "ZZ", 100));
        assertEquals("abcde\n", sys.cat(DOMAIN));
    }

    @Test
    void write_atOffsetEqualToLength_appends() {
        writeAt(DOMAIN, "abc", 0);
        assertEquals(3, writeAt(DOMAIN, "def", 3));
        assertEquals("abcdef\n", sys.cat(DOMAIN));
    }

    @Test
    void read_stringAtOffset_returnsTheRest() {
        assertEquals("one)\n", new String(sys.read(DOMAIN, 2, 100), StandardCharsets.UTF_8));
        assertEquals("\n", new String(sys.read(DOMAIN, 6, 100), StandardCharsets.UTF_8));
        assertEquals(0, sys.read(DOMAIN, 7, 100).length);
    }

    @Test
    void read_stringSmallerThanValue_isCutWithoutNewline() {
        assertEquals("(no", new String(sys.read(DOMAIN, 0, 3), StandardCharsets.UTF_8));
    }

    @Test
    void write_utf8Hostname_roundTripsAsBytes() {
        sys.write(HOSTNAME, "hôte\n");
        assertEquals("hôte\n", sys.cat(HOSTNAME));
        assertEquals("hôte", ((SysctlValue.Text) sys.table().value("kernel/hostname").orElseThrow()).asString());
    }
}
