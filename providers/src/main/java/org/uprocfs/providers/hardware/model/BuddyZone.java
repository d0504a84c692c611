package org.uprocfs.providers.hardware.model;

/** One memory zone of /proc/buddyinfo and the share of free memory it holds. */
public record BuddyZone(int node, String name, double share) {
}
