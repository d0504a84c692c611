package org.uprocfs.providers.hardware.sim;

/**
 * CPU time per CPU in USER_HZ ticks in /proc/stat column order (user nice system idle iowait irq softirq
 * steal guest guest_nice), and the total idle seconds /proc/uptime reports.
 */
public record CpuTimes(long[][] perCpu, double idleSeconds) {
    /** The number of columns of a cpu line since Linux 2.6.33. */
    public static final int COLUMNS = 10;

    /** The aggregate {@code cpu} line: the column sums of all per-CPU lines, as show_stat adds them up. */
    public long[] total() {
        long[] sum = new long[COLUMNS];
        for (long[] cpu : perCpu) {
            for (int i = 0; i < COLUMNS; i++) {
                sum[i] += cpu[i];
            }
        }
        return sum;
    }
}
