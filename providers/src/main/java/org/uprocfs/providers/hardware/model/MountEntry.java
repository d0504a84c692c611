package org.uprocfs.providers.hardware.model;

/** One mount as /proc/mounts prints it. */
public record MountEntry(String device, String mountPoint, String type, String options) {
}
