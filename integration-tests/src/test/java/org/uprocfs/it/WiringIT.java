package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.mount.session.MountOptions;
import org.uprocfs.providers.hardware.model.Machine;

/** The modules wired together over a real mount: sysctl writes reach the machine, and the machine answers back. */
class WiringIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("sysctl", "hardware", "kmsg")
            .options(new MountOptions(true, true, false));

    @BeforeAll
    static void createUser() {
        OtherUser.ensureExists();
    }

    private static String cat(String file) {
        return new String(Posix.readAll(MOUNT.path(file), 65536), StandardCharsets.UTF_8);
    }

    private static Shell.Run sh(String script) {
        Shell.Run run = Shell.sh(MOUNT.root(), script);
        assertEquals(0, run.exitCode(), script + ": " + run.stderr());
        return run;
    }

    private static Machine machine() {
        return MOUNT.fs().modules().sharedObject(Machine.class).orElseThrow();
    }

    private static long meminfo(String field) {
        return cat("meminfo").lines().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).replace("kB", "").trim()))
                .findFirst().orElseThrow();
    }

    @Test
    void echoHostname_isTheMachinesHostname_andSurvivesSysctlReload() {
        String before = cat("sys/kernel/hostname");
        try {
            sh("echo box > sys/kernel/hostname");
            assertEquals("box", machine().hostname());
            assertEquals("box\n", sh("cat sys/kernel/hostname").stdout());
            MOUNT.fs().unloadModule("sysctl");
            assertEquals("box", machine().hostname());
            MOUNT.fs().loadModule("sysctl");
            assertEquals("box\n", sh("cat sys/kernel/hostname").stdout());
        } finally {
            sh("printf '%s' '" + before.strip() + "' > sys/kernel/hostname");
        }
    }

    @Test
    void machineHostname_isWhatSysctlReads() {
        String before = machine().hostname();
        try {
            machine().setHostname("from-the-machine");
            assertEquals("from-the-machine\n", sh("cat sys/kernel/hostname").stdout());
        } finally {
            machine().setHostname(before);
        }
    }

    @Test
    void osrelease_isTheReleaseInProcVersion() {
        String release = sh("cat sys/kernel/osrelease").stdout().strip();
        String version = sh("cat sys/kernel/version").stdout().strip();
        String banner = sh("cat version").stdout();
        assertEquals(machine().spec().kernel().release(), release);
        assertTrue(banner.startsWith("Linux version " + release + " "), banner);
        assertTrue(banner.strip().endsWith(version), banner);
        assertEquals("Linux\n", sh("cat sys/kernel/ostype").stdout());
    }

    @Test
    void swappinessZero_freeShowsNoSwapInUse() {
        try {
            assertNotEquals(meminfo("SwapTotal"), meminfo("SwapFree"));
            sh("echo 0 > sys/vm/swappiness");
            assertEquals(meminfo("SwapTotal"), meminfo("SwapFree"));
        } finally {
            sh("echo 60 > sys/vm/swappiness");
        }
    }

    @Test
    void overcommitRatio_movesCommitLimit() {
        try {
            sh("echo 100 > sys/vm/overcommit_ratio");
            assertEquals(meminfo("MemTotal") + meminfo("SwapTotal"), meminfo("CommitLimit"));
        } finally {
            sh("echo 50 > sys/vm/overcommit_ratio");
        }
    }

    @Test
    void dmesgRestrict_decidesWhetherAnotherUserMayReadKmsg() {
        String read = "dd if=kmsg iflag=nonblock bs=4096 count=1 status=none";
        try {
            Shell.Run byMode = OtherUser.sh(MOUNT.root(), read);
            assertTrue(byMode.stderr().contains("Permission denied"), byMode.stderr());
            sh("chmod 0444 kmsg");
            Shell.Run open = OtherUser.sh(MOUNT.root(), read);
            assertEquals(0, open.exitCode(), open.stderr());
            assertTrue(open.stdout().startsWith("<"), open.stdout());
            sh("echo 1 > sys/kernel/dmesg_restrict");
            Shell.Run restricted = OtherUser.sh(MOUNT.root(), read);
            assertNotEquals(0, restricted.exitCode());
            assertTrue(restricted.stderr().contains("Operation not permitted"), restricted.stderr());
            assertTrue(sh(read).stdout().startsWith("<"), "root keeps CAP_SYSLOG");
        } finally {
            sh("echo 0 > sys/kernel/dmesg_restrict; chmod 0400 kmsg");
        }
    }
}
