package org.uprocfs.providers.sysctl;

import java.util.Collections;
import java.util.List;

/** How a sysctl row parses writes and prints reads, after the kernel's proc_do* handlers. */
public sealed interface SysctlType permits SysctlType.Numeric, SysctlType.StringType {

    /** Inclusive limits of one value, {@code extra1}/{@code extra2} of a ctl_table row. */
    record Bound(long min, long max) {

        public Bound {
            if (min > max) {
                throw new IllegalArgumentException("min " + min + " > max " + max);
            }
        }
    }

    /** The numeric kinds share one write loop; they differ in how a parsed number is converted. */
    sealed interface Numeric extends SysctlType permits IntVector, ULongVector {

        /** One bound per value. */
        List<Bound> bounds();

        /** Number of values in the vector. */
        default int count() {
            return bounds().size();
        }
    }

    /**
     * {@code proc_dointvec_minmax} over {@code count} ints; {@code nonDecreasing} adds the check
     * {@code ipv4_local_port_range} makes after parsing (the upper end may not be below the lower).
     */
    record IntVector(List<Bound> bounds, boolean nonDecreasing) implements Numeric {

        public IntVector {
            bounds = List.copyOf(bounds);
            if (bounds.isEmpty()) {
                throw new IllegalArgumentException("an int vector needs at least one value");
            }
            for (Bound bound : bounds) {
                if (bound.min() < Integer.MIN_VALUE || bound.max() > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("int bound outside int range: " + bound);
                }
            }
        }

        /** One int in {@code [min, max]}. */
        public static IntVector of(long min, long max) {
            return new IntVector(List.of(new Bound(min, max)), false);
        }

        /** {@code count} ints with no limits beyond int range, as plain {@code proc_dointvec}. */
        public static IntVector unbounded(int count) {
            return new IntVector(Collections.nCopies(count, new Bound(Integer.MIN_VALUE, Integer.MAX_VALUE)), false);
        }
    }

    /** {@code proc_doulongvec_minmax}: unsigned longs, negative input refused; bounds are non-negative. */
    record ULongVector(List<Bound> bounds) implements Numeric {

        public ULongVector {
            bounds = List.copyOf(bounds);
            if (bounds.isEmpty()) {
                throw new IllegalArgumentException("an unsigned long vector needs at least one value");
            }
            for (Bound bound : bounds) {
                if (bound.min() < 0) {
                    throw new IllegalArgumentException("unsigned bound below zero: " + bound);
                }
            }
        }

        /** One unsigned long in {@code [min, max]}. */
        public static ULongVector of(long min, long max) {
            return new ULongVector(List.of(new Bound(min, max)));
        }

        /** {@code count} unsigned longs up to LONG_MAX. */
        public static ULongVector unbounded(int count) {
            return new ULongVector(Collections.nCopies(count, new Bound(0, Long.MAX_VALUE)));
        }
    }

    /** {@code proc_dostring} over a buffer of {@code maxlen} bytes, so at most {@code maxlen - 1} are kept. */
    record StringType(int maxlen) implements SysctlType {

        public StringType {
            if (maxlen < 2) {
                throw new IllegalArgumentException("maxlen must leave room for one byte and the NUL");
            }
        }
    }
}
