package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.uprocfs.mount.session.MountOptions;

/** Who may do what: a real unprivileged user against mounts with and without allow_other. */
class PermissionsIT {

    @BeforeAll
    static void createUser() {
        OtherUser.ensureExists();
    }

    @Nested
    class WithAllowOther {
        @RegisterExtension
        static final ProcMount MOUNT = ProcMount.withModules("selftest", "kmsg", "etx_proc")
                .options(new MountOptions(true, true, false));

        @Test
        void nonRoot_reads0444Entry() {
            Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat selftest/version");
            assertEquals(0, cat.exitCode(), cat.stderr());
            assertEquals("uprocfs selftest 1\n", cat.stdout());
        }

        @Test
        void nonRoot_opens0400Entry_failsWithEacces() {
            Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat kmsg");
            assertNotEquals(0, cat.exitCode());
            assertTrue(cat.stderr().contains("Permission denied"), cat.stderr());
        }

        @Test
        void nonRoot_fileBelowDirectoryChmodded0700_failsWithEacces() {
            try {
                Shell.Run chmod = Shell.sh(MOUNT.root(), "chmod 700 selftest");
                assertEquals(0, chmod.exitCode(), chmod.stderr());
                // The kernel's FUSE layer leaves search permission to the daemon without default_permissions.
                Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat selftest/version");
                assertNotEquals(0, cat.exitCode(), cat.stdout());
                assertTrue(cat.stderr().contains("Permission denied"), cat.stderr());
                Shell.Run root = Shell.sh(MOUNT.root(), "cat selftest/version");
                assertEquals("uprocfs selftest 1\n", root.stdout(), root.stderr());
            } finally {
                Shell.sh(MOUNT.root(), "chmod 555 selftest");
            }
        }

        @Test
        void nonRoot_memberOfAFilesGroupBySupplementaryGroup_reads0640Entry() {
            int group = OtherUser.ensureGroup();
            try {
                Shell.Run chown = Shell.sh(MOUNT.root(), "chown root:" + group + " selftest/version && chmod 640 selftest/version");
                assertEquals(0, chown.exitCode(), chown.stderr());
                Shell.Run member = OtherUser.shWithGroup(MOUNT.root(), group, "cat selftest/version");
                assertEquals(0, member.exitCode(), member.stderr());
                assertEquals("uprocfs selftest 1\n", member.stdout());
                Shell.Run stranger = OtherUser.sh(MOUNT.root(), "cat selftest/version");
                assertTrue(stranger.stderr().contains("Permission denied"), stranger.stderr());
            } finally {
                Shell.sh(MOUNT.root(), "chown root:root selftest/version && chmod 444 selftest/version");
            }
        }

        @Test
        void nonRoot_writes0444Entry_failsWithEaccesAtOpen() {
            Shell.Run echo = OtherUser.sh(MOUNT.root(), "echo x > selftest/version");
            assertTrue(echo.stderr().contains("Permission denied"), echo.stderr());
        }

        @Test
        void nonRoot_writes0666Entry_succeeds() {
            Shell.Run echo = OtherUser.sh(MOUNT.root(), "echo user > etx_proc && cat etx_proc");
            assertEquals(0, echo.exitCode(), echo.stderr());
            assertEquals("user\n", echo.stdout());
        }

        @Test
        void nonRoot_chmodAndChown_failWithEperm() {
            Shell.Run chmod = OtherUser.sh(MOUNT.root(), "chmod 666 selftest/version");
            assertTrue(chmod.stderr().contains("Operation not permitted"), chmod.stderr());
            Shell.Run chown = OtherUser.sh(MOUNT.root(), "chown " + OtherUser.NAME + " selftest/version");
            assertTrue(chown.stderr().contains("Operation not permitted"), chown.stderr());
        }

        @Test
        void nonRoot_listsDirectories() {
            Shell.Run ls = OtherUser.sh(MOUNT.root(), "ls selftest");
            assertEquals(0, ls.exitCode(), ls.stderr());
            assertTrue(ls.stdout().contains("version"), ls.stdout());
        }
    }

    @Nested
    class WithoutAllowOther {
        @RegisterExtension
        static final ProcMount MOUNT = ProcMount.withModules("selftest");

        @Test
        void nonRoot_anyAccess_isRefusedByTheKernel() {
            Shell.Run cat = OtherUser.sh(MOUNT.root(), "cat " + MOUNT.path("selftest/version"));
            assertNotEquals(0, cat.exitCode());
            assertTrue(cat.stderr().contains("Permission denied"), cat.stderr());
        }
    }
}
