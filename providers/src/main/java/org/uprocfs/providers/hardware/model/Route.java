package org.uprocfs.providers.hardware.model;

/** One IPv4 route as /proc/net/route prints it; addresses are dotted quads. */
public record Route(String iface, String destination, String gateway, int flags, int refCnt, int use, int metric,
        String mask, int mtu, int window, int irtt) {
}
