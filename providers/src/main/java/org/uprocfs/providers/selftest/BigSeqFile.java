package org.uprocfs.providers.selftest;

import java.util.concurrent.atomic.AtomicLong;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/** A seq_file of 20480 fixed-width records (1.25 MiB) that counts how often it is rendered from the start. */
final class BigSeqFile implements SeqOperations<Long> {
    static final int RECORDS = 20480;
    private static final String FILL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123";

    private final AtomicLong renders = new AtomicLong();

    long renders() {
        return renders.get();
    }

    @Override
    public Long start(long position) {
        if (position == 0) {
            renders.incrementAndGet();
        }
        return position < RECORDS ? position : null;
    }

    @Override
    public Long next(Long item, long position) {
        return position < RECORDS ? position : null;
    }

    @Override
    public void show(SeqBuffer buffer, Long item) {
        // 7 digits + ": " + 54 letters + newline = 64 bytes per record.
        String digits = Long.toString(item);
        for (int i = digits.length(); i < 7; i++) {
            buffer.putc('0');
        }
        buffer.puts(digits).puts(": ").puts(FILL.substring(0, 54)).putc('\n');
    }
}
