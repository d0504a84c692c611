package org.uprocfs.providers.sysctl;

import java.util.Objects;
import java.util.function.Supplier;

/** Where a row's value lives, the {@code .data} pointer of a ctl_table row; safe to read from any thread. */
public sealed interface SysctlCell permits SysctlCell.Stored, SysctlCell.Computed {

    /** The current value. */
    SysctlValue get();

    /** A settable cell starting at {@code initial}. */
    static Stored holding(SysctlValue initial) {
        return new Stored(initial);
    }

    /** A settable cell whose value lives in {@code variable}, owned by another subsystem. */
    static Stored bound(SysctlVariable variable) {
        return new Stored(variable);
    }

    /** A read-only cell whose value is computed on every read. */
    static Computed computed(Supplier<SysctlValue> supplier) {
        return new Computed(supplier);
    }

    /**
     * A value set only through {@link SysctlTable} (which validates, persists and notifies); values are
     * immutable and swapped in one volatile write, so a reader never sees half of a vector. The value is
     * the cell's own, or lives in a {@link SysctlVariable} another subsystem shares.
     */
    final class Stored implements SysctlCell {
        private final SysctlValue initial;
        private final SysctlVariable variable;

        Stored(SysctlValue initial) {
            this(new OwnedValue(Objects.requireNonNull(initial)));
        }

        Stored(SysctlVariable variable) {
            this.variable = Objects.requireNonNull(variable);
            this.initial = Objects.requireNonNull(variable.get());
        }

        @Override
        public SysctlValue get() {
            return variable.get();
        }

        /** The value the cell started with: the row's compiled-in default, or the variable's value at registration. */
        public SysctlValue initial() {
            return initial;
        }

        void set(SysctlValue newValue) {
            variable.set(Objects.requireNonNull(newValue));
        }
    }

    /** A value derived from elsewhere at read time, like {@code fs/file-nr}. */
    record Computed(Supplier<SysctlValue> supplier) implements SysctlCell {

        public Computed {
            Objects.requireNonNull(supplier);
        }

        @Override
        public SysctlValue get() {
            return supplier.get();
        }
    }
}
