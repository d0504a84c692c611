package org.uprocfs.core.api;


/** One printk line: its sequence number, level, time since boot in microseconds, and text. */
public record KernelLogRecord(long sequence, LogLevel level, long uptimeMicros, String text) {

    /** The line as kmsg serves it here: {@code <6>fortune: Module loaded.} */
    public String kmsgLine() {
        return "<" + level.number() + ">" + text + "\n";
    }
}
