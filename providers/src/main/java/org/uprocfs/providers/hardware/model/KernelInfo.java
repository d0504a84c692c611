package org.uprocfs.providers.hardware.model;

/** The kernel's identity as uname and /proc/version report it, plus the boot command line and initial host name. */
public record KernelInfo(String release, String version, String buildUser, String buildHost, String compiler,
        String cmdline, String hostname, String domainname) {
}
