package org.uprocfs.providers.selftest;

import java.nio.charset.StandardCharsets;
import org.uprocfs.core.api.SeqBuffer;

/** A 16 MiB show file for throughput benchmarks: one 4 KiB page of 64-byte lines printed 4096 times. */
final class BlobFile {
    static final int PAGES = 4096;
    private static final byte[] PAGE = page();

    void show(SeqBuffer buffer) {
        // SeqBuffer doubles its capacity, so printing page by page stays linear in the size.
        for (int i = 0; i < PAGES; i++) {
            buffer.write(PAGE);
        }
    }

    private static byte[] page() {
        StringBuilder text = new StringBuilder(SeqBuffer.PAGE_SIZE);
        for (int line = 0; line < SeqBuffer.PAGE_SIZE / 64; line++) {
            // 7 digits + ": " + 54 letters + newline = 64 bytes.
            text.append(String.format(java.util.Locale.ROOT, "%07d: ", line))
                    .append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01").append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
