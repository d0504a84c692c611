package org.uprocfs.providers.hardware.sim;

import org.uprocfs.providers.hardware.model.BlockDevice;
import org.uprocfs.providers.hardware.model.NetInterface;

/**
 * Disk and network counters. Each device's counters are kept as continuous values along one warped time,
 * so ratios between them (sectors per request, bytes per packet) stay steady and a partition's share of
 * its disk is a plain fraction before rounding down.
 */
final class IoModel {
    /** Fields of a /proc/diskstats line after the name, as Linux 5.5 and later print them. */
    static final int DISK_FIELDS = 17;
    /** Fields of a /proc/net/dev line after the name. */
    static final int NET_FIELDS = 16;

    private final long seed;

    IoModel(long seed) {
        this.seed = seed;
    }

    double[] disk(BlockDevice disk, double t) {
        double[] v = new double[DISK_FIELDS];
        double tr = Noise.warp(Noise.key(seed, "disk.read." + disk.name(), 0), t);
        double tw = Noise.warp(Noise.key(seed, "disk.write." + disk.name(), 0), t);
        double reads = disk.readIops() * tr;
        double writes = disk.writeIops() * tw;
        v[0] = reads;
        v[1] = reads * 0.15;
        v[2] = disk.readKbps() * 2 * tr;
        v[3] = reads * disk.latencyMs();
        v[4] = writes;
        v[5] = writes * 0.6;
        v[6] = disk.writeKbps() * 2 * tw;
        v[7] = writes * disk.latencyMs() * 1.5;
        v[8] = 0;
        // io_ticks counts milliseconds with requests in flight and can never exceed the wall time since boot.
        v[9] = Math.min(t * 1000, (reads + writes) * disk.latencyMs() * 0.8);
        v[10] = v[3] + v[7];
        v[11] = writes * 0.01;
        v[12] = 0;
        v[13] = writes * 0.01 * 2048;
        v[14] = writes * 0.01 * disk.latencyMs();
        v[15] = writes * 0.2;
        v[16] = writes * 0.2 * disk.latencyMs() * 0.5;
        return v;
    }

    double[] net(NetInterface nic, double t) {
        double tr = Noise.warp(Noise.key(seed, "net.rx." + nic.name(), 0), t);
        // Loopback receives exactly what it sends.
        double tt = "lo".equals(nic.name()) ? tr : Noise.warp(Noise.key(seed, "net.tx." + nic.name(), 0), t);
        double[] v = new double[NET_FIELDS];
        v[0] = nic.rxBytesPerSec() * tr;
        v[1] = v[0] / Math.max(1, nic.rxPacketSize());
        v[3] = "lo".equals(nic.name()) ? 0 : v[1] * 0.0002;
        v[7] = "lo".equals(nic.name()) ? 0 : v[1] * 0.01;
        v[8] = nic.txBytesPerSec() * tt;
        v[9] = v[8] / Math.max(1, nic.txPacketSize());
        return v;
    }
}
