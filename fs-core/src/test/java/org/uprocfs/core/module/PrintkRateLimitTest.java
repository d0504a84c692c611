package org.uprocfs.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** printk_ratelimit's window: ten lines, then silence, then a count of what was held back. */
class PrintkRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final PrintkRateLimit limit = new PrintkRateLimit(now::get);

    private List<Integer> admit(int times) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(limit.admit());
        }
        return answers;
    }

    @Test
    void admit_aBurstWithinOneWindow_logsTenAndHoldsBackTheRest() {
        List<Integer> answers = admit(25);
        assertEquals(10, answers.stream().filter(a -> a >= 0).count());
        assertEquals(15, answers.stream().filter(a -> a < 0).count());
    }

    @Test
    void admit_inTheNextWindow_reportsHowManyWereHeldBack() {
        admit(25);
        now.addAndGet(PrintkRateLimit.INTERVAL_NANOS);
        assertEquals(15, limit.admit());
        assertEquals(0, limit.admit());
    }

    @Test
    void admit_slowLines_areNeverHeldBack() {
        for (int i = 0; i < 50; i++) {
            assertEquals(0, limit.admit());
            now.addAndGet(PrintkRateLimit.INTERVAL_NANOS / 5);
        }
    }
}
