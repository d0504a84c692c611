package org.uprocfs.providers.selftest;

import java.util.HexFormat;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.WriteRequest;

/** A read/write file that keeps the last write whole and logs every write call it receives. */
final class ScratchFile {
    private static final int LOG_LIMIT = 1000;

    private final AtomicReference<byte[]> content = new AtomicReference<>(new byte[0]);
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

    void show(SeqBuffer buffer) {
        buffer.write(content.get());
    }

    int write(WriteRequest request) {
        content.set(request.data().clone());
        if (log.size() < LOG_LIMIT) {
            String hex = HexFormat.of().formatHex(request.data(), 0, Math.min(64, request.length()));
            log.add(request.offset() + " " + request.length() + " " + hex);
        }
        return request.length();
    }

    void showLog(SeqBuffer buffer) {
        for (String line : log) {
            buffer.puts(line).putc('\n');
        }
    }
}
