package org.uprocfs.providers.hardware.model;

/** One registered file system type; nodev ones need no block device. */
public record FileSystemType(String name, boolean nodev) {
}
