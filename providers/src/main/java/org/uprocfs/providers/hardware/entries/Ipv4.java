package org.uprocfs.providers.hardware.entries;

/** Dotted-quad parsing for the routing files, which print addresses as the little-endian u32 in memory. */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address as x86 holds a network-order address in a register: first octet in the low byte. */
    static long littleEndian(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = value << 8 | Integer.parseInt(parts[i]);
        }
        return value;
    }
}
