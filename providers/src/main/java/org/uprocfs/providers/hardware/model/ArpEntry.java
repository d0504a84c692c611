package org.uprocfs.providers.hardware.model;

/** One neighbour cache entry as /proc/net/arp prints it. */
public record ArpEntry(String ip, int hwType, int flags, String mac, String device) {
}
