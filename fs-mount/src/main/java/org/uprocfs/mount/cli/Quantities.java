package org.uprocfs.mount.cli;

import java.time.Duration;
import java.util.Locale;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.Preflight;

/** Parses the sizes and durations of command-line options ("64M", "500ms", "5s", "5"). */
final class Quantities {
    private Quantities() {
    }

    /** A duration: a number of seconds, or a number followed by ms, s or m; 0 means off. */
    static Duration duration(String option, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        long unitMillis = 1000;
        if (value.endsWith("ms")) {
            unitMillis = 1;
            value = value.substring(0, value.length() - 2);
        } else if (value.endsWith("s")) {
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            unitMillis = 60_000;
            value = value.substring(0, value.length() - 1);
        }
        try {
            long amount = Long.parseLong(value);
            if (amount < 0) {
                throw usage(option, text, "a duration like 5s or 500ms, 0 for off");
            }
            return Duration.ofMillis(Math.multiplyExact(amount, unitMillis));
        } catch (NumberFormatException | ArithmeticException e) {
            throw usage(option, text, "a duration like 5s or 500ms, 0 for off");
        }
    }

    /** A byte count: a number, optionally followed by K, M or G (powers of 1024); at least {@code minimum}. */
    static long bytes(String option, String text, long minimum) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        int shift = 0;
        if (value.endsWith("K") || value.endsWith("M") || value.endsWith("G")) {
            shift = switch (value.charAt(value.length() - 1)) {
                case 'K' -> 10;
                case 'M' -> 20;
                default -> 30;
            };
            value = value.substring(0, value.length() - 1);
        }
        try {
            long amount = Long.parseLong(value);
            if (amount < 0 || amount > (Long.MAX_VALUE >> shift) || (amount << shift) < minimum) {
                throw usage(option, text, "a size of at least " + minimum + " bytes, like 64M");
            }
            return amount << shift;
        } catch (NumberFormatException e) {
            throw usage(option, text, "a size of at least " + minimum + " bytes, like 64M");
        }
    }

    private static MountProblem usage(String option, String text, String expected) {
        return new MountProblem(option + " must be " + expected + ", not '" + text + "'.", Preflight.EXIT_USAGE);
    }
}
