package org.uprocfs.providers.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UtsWiringTest {
    /** What the embedded default profile says. */
    private static final String PROFILE_HOST = "uprocfs-desktop";
    private static final String PROFILE_RELEASE = "6.18.4-amd64";

    @Test
    void hostnameWrite_hardwareLoadedFirst_isTheMachinesHostname() {
        try (WiredFs w = WiredFs.load("hardware", "sysctl")) {
            assertEquals(PROFILE_HOST + "\n", w.cat("/sys/kernel/hostname"));
            w.write("/sys/kernel/hostname", "box\n");
            assertEquals("box", w.machine().hostname());
        }
    }

    @Test
    void hostnameWrite_sysctlLoadedFirst_isTheMachinesHostname() {
        try (WiredFs w = WiredFs.load("sysctl", "hardware")) {
            assertEquals(PROFILE_HOST + "\n", w.cat("/sys/kernel/hostname"));
            w.write("/sys/kernel/hostname", "box\n");
            assertEquals("box", w.machine().hostname());
        }
    }

    @Test
    void machineSetHostname_isReadThroughSysctl() {
        try (WiredFs w = WiredFs.load("hardware", "sysctl")) {
            w.machine().setHostname("renamed");
            w.machine().setDomainname("example.org");
            assertEquals("renamed\n", w.cat("/sys/kernel/hostname"));
            assertEquals("example.org\n", w.cat("/sys/kernel/domainname"));
        }
    }

    @Test
    void hostnameWrittenBeforeHardwareLoads_survivesTheMachineBoot() {
        try (WiredFs w = WiredFs.load("sysctl")) {
            assertEquals("uprocfs\n", w.cat("/sys/kernel/hostname"));
            w.write("/sys/kernel/hostname", "admin-set");
            w.fs.loadModule("hardware");
            assertEquals("admin-set", w.machine().hostname());
            assertEquals("admin-set\n", w.cat("/sys/kernel/hostname"));
        }
    }

    @Test
    void unloadSysctl_machineKeepsTheWrittenHostname() {
        try (WiredFs w = WiredFs.load("hardware", "sysctl")) {
            w.write("/sys/kernel/hostname", "box");
            w.fs.unloadModule("sysctl");
            assertEquals("box", w.machine().hostname());
            assertTrue(w.cat("/meminfo").startsWith("MemTotal:"));
            w.fs.loadModule("sysctl");
            assertEquals("box\n", w.cat("/sys/kernel/hostname"));
        }
    }

    @Test
    void unloadHardware_sysctlKeepsHostnameAndRelease() {
        try (WiredFs w = WiredFs.load("sysctl", "hardware")) {
            w.write("/sys/kernel/hostname", "box");
            w.fs.unloadModule("hardware");
            assertEquals("box\n", w.cat("/sys/kernel/hostname"));
            assertEquals(PROFILE_RELEASE + "\n", w.cat("/sys/kernel/osrelease"));
            w.write("/sys/kernel/hostname", "again");
            w.fs.loadModule("hardware");
            assertEquals("again", w.machine().hostname());
        }
    }

    @Test
    void osreleaseAndVersion_withHardware_matchProcVersion() {
        for (String[] order : new String[][] {{"hardware", "sysctl"}, {"sysctl", "hardware"}}) {
            try (WiredFs w = WiredFs.load(order)) {
                String release = w.cat("/sys/kernel/osrelease").strip();
                String version = w.cat("/sys/kernel/version").strip();
                String banner = w.cat("/version");
                assertEquals(PROFILE_RELEASE, release);
                assertTrue(banner.startsWith("Linux version " + release + " ("), banner);
                assertTrue(banner.endsWith(") " + version + "\n"), banner);
                assertEquals("Linux\n", w.cat("/sys/kernel/ostype"));
            }
        }
    }

    @Test
    void osrelease_withoutHardware_isTheBuiltInDefault() {
        try (WiredFs w = WiredFs.load("sysctl")) {
            assertEquals("6.1.0-uprocfs\n", w.cat("/sys/kernel/osrelease"));
        }
    }
}
