package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.constants.platform.Errno;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uprocfs.mount.session.MountOptions;

/** The sys/ tunables through real syscalls, sysctl(8) and an unprivileged user. */
class SysctlIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("sysctl", "howto_sysctl")
            .options(new MountOptions(true, true, false));

    @BeforeAll
    static void createUser() {
        OtherUser.ensureExists();
    }

    /**
     * One 4 KiB read, as cat does. (Files.readString reads a size-0 file one byte first and then at
     * offset 1, where a sysctl read returns nothing: on the kernel's /proc/sys too it yields "4" for printk.)
     */
    private static String read(String tunable) {
        return new String(Posix.readAll(MOUNT.path("sys/" + tunable), 4096), StandardCharsets.UTF_8);
    }

    @Test
    void filesReadString_readsOneByteThenOffsetOne_likeTheKernelsSysctl() throws IOException {
        assertEquals("4", Files.readString(MOUNT.path("sys/kernel/printk")));
    }

    private static Posix.Result write(String tunable, String text) {
        return Posix.writeOnce(MOUNT.path("sys/" + tunable), text);
    }

    @Test
    void read_vector_isTabSeparatedWithOneNewline() throws IOException {
        assertEquals("4\t4\t1\t7\n", read("kernel/printk"));
    }

    @Test
    void read_atOffsetAboveZero_returnsNoBytes() {
        int fd = Posix.openOrFail(MOUNT.path("sys/vm/swappiness"), Posix.O_RDONLY);
        try {
            assertEquals(0, Posix.pread(fd, new byte[64], 64, 1).value());
        } finally {
            Posix.close(fd);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"' 15 \n'|15", "0x12|18", "013|11", "20|20", "'10\n'|10"})
    void write_acceptedForms_storeTheValue(String input, String stored) throws IOException {
        assertEquals(input.length(), write("net/test/value1", input).value());
        assertEquals(stored + "\n", read("net/test/value1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "   ", "21", "9", "-1", "99999999999", "0x", "1 2 x"})
    void write_badInput_failsWithEinvalAndKeepsValue(String input) throws IOException {
        write("net/test/value2", "12");
        assertEquals(Errno.EINVAL, write("net/test/value2", input).errno(), "input '" + input + "'");
        assertEquals("12\n", read("net/test/value2"));
    }

    @Test
    void write_zeroBytes_returnsZero() {
        assertEquals(0, write("vm/swappiness", "").value());
    }

    @Test
    void write_atOffsetAboveZero_isIgnoredAndReportsFullCount() throws IOException {
        write("vm/dirty_ratio", "20");
        int fd = Posix.openOrFail(MOUNT.path("sys/vm/dirty_ratio"), Posix.O_WRONLY);
        try {
            byte[] data = "33".getBytes(StandardCharsets.UTF_8);
            assertEquals(2, Posix.call(Posix.POSIX.pwrite(fd, data, 2, 5)).value());
        } finally {
            Posix.close(fd);
        }
        assertEquals("20\n", read("vm/dirty_ratio"));
    }

    @Test
    void write_surplusValues_givesShortCount() {
        long taken = write("vm/swappiness", "30 40").value();
        assertTrue(taken > 0 && taken < 5, "short count, was " + taken);
    }

    @Test
    void echo_intoTunable_changesIt() throws IOException {
        Shell.Run echo = Shell.sh(MOUNT.root(), "echo 1 > sys/net/ipv4/ip_forward && cat sys/net/ipv4/ip_forward");
        assertEquals("1\n", echo.stdout(), echo.stderr());
        assertEquals("1\n", read("net/ipv4/ip_forward"));
    }

    @Test
    void open_readOnlyTunableForWriting_failsWithEaccesEvenForRoot() {
        assertEquals(Errno.EACCES, Posix.open(MOUNT.path("sys/kernel/ostype"), Posix.O_WRONLY).errno());
    }

    @Test
    void chmodAndChown_underSys_failWithEperm() {
        assertEquals(Errno.EPERM, Posix.call(Posix.POSIX.chmod(MOUNT.path("sys/vm/swappiness").toString(), 0666)).errno());
        assertEquals(Errno.EPERM, Posix.call(Posix.POSIX.chown(MOUNT.path("sys/vm/swappiness").toString(), 1, 1)).errno());
    }

    @Test
    void nonRoot_readsTunable_butCannotWriteIt() {
        Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat sys/net/test/value1");
        assertEquals(0, cat.exitCode(), cat.stderr());
        Shell.Run echo = OtherUser.sh(MOUNT.root(), "echo 15 > sys/net/test/value1");
        assertNotEquals(0, echo.exitCode());
        assertTrue(echo.stderr().contains("Permission denied"), echo.stderr());
    }

    @Test
    void hostname_stringTunable_keepsTextUpToNewline() throws IOException {
        assertEquals(13, write("kernel/hostname", "box-1\nignored").value());
        assertEquals("box-1\n", read("kernel/hostname"));
    }

    @Test
    void sysctlCommand_inPrivateNamespace_readsWritesAndLoadsFiles() throws IOException {
        Path conf = Files.createTempFile("uprocfs-sysctl-", ".conf");
        Files.writeString(conf, "vm.swappiness = 7\nnet.core.somaxconn = 1024\n");
        try {
            Shell.Run session = Shell.sh(Path.of("."), "unshare -m sh -c 'mount --bind " + MOUNT.root() + " /proc && "
                    + "sysctl -a | grep -c = ; sysctl net.ipv4.ip_forward; sysctl -w net.ipv4.ip_forward=0; "
                    + "sysctl -w net.test.value1=99; echo rc=$?; sysctl -p " + conf + "'");
            String out = session.stdout();
            assertTrue(Integer.parseInt(out.lines().findFirst().orElseThrow().trim()) >= 19, out);
            assertTrue(out.contains("net.ipv4.ip_forward = "), out);
            assertTrue(out.contains("net.ipv4.ip_forward = 0"), out);
            assertTrue(out.contains("rc=255") || out.contains("rc=1"), out);
            assertTrue(session.stderr().contains("setting key \"net.test.value1\": Invalid argument"), session.stderr());
            assertTrue(out.contains("vm.swappiness = 7") && out.contains("net.core.somaxconn = 1024"), out);
            assertEquals("7\n", read("vm/swappiness"));
        } finally {
            Files.deleteIfExists(conf);
        }
    }
}
