package org.uprocfs.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that the daemon makes true asynchronously (FUSE sends release after close(2) returns). */
final class Await {
    private Await() {
    }

    /** Waits until the condition holds; fails with the description after the limit. */
    static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + limit.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
