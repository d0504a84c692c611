package org.uprocfs.providers.selftest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.WriteRequest;

/** Handlers that never finish on their own, for the handler timeout and the render cap to stop. */
final class RunawayFiles {
    private static final String HOG_LINE = "selftest hog: this line repeats until the render cap stops it\n";

    private final AtomicLong interrupted = new AtomicLong();

    /** Sleeps until its thread is interrupted, then counts the interrupt and fails with EINTR. */
    void hang(SeqBuffer buffer) {
        sleepUntilInterrupted();
    }

    /** The write side of hang: sleeps until interrupted and never takes a byte. */
    int hangWrite(WriteRequest request) {
        sleepUntilInterrupted();
        return 0;
    }

    /** Prints the same line without end. */
    void hog(SeqBuffer buffer) {
        while (true) {
            buffer.puts(HOG_LINE);
        }
    }

    /** How many hang calls ended by an interrupt. */
    void showInterrupted(SeqBuffer buffer) {
        buffer.putLong(interrupted.get()).putc('\n');
    }

    private void sleepUntilInterrupted() {
        try {
            while (true) {
                TimeUnit.HOURS.sleep(1);
            }
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            Thread.currentThread().interrupt();
            throw new ProcException(Errno.EINTR, "selftest/hang was interrupted");
        }
    }
}
