package org.uprocfs.providers.sysctl;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the table, like a kernel {@code ctl_table} entry: the path under {@code sys/}, the mode, how
 * values are parsed and printed, and the cell holding the value.
 */
public record SysctlRow(String path, int mode, SysctlType type, SysctlCell cell) {
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)*");

    public SysctlRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cell, "cell");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("invalid sysctl path '" + path + "'");
        }
        if ((mode & ~0777) != 0) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " of " + path);
        }
        if ((mode & 0222) != 0 && !(cell instanceof SysctlCell.Stored)) {
            throw new IllegalArgumentException(path + " is writable but its value is computed");
        }
        if (cell instanceof SysctlCell.Stored stored && !fits(type, stored.get())) {
            throw new IllegalArgumentException(path + ": initial value " + stored.get() + " does not fit " + type);
        }
    }

    /** A tunable, mode 0644, starting at {@code initial}. */
    public static SysctlRow tunable(String path, SysctlType type, SysctlValue initial) {
        return new SysctlRow(path, 0644, type, SysctlCell.holding(initial));
    }

    /** A tunable, mode 0644, whose value lives in another subsystem's {@code variable}. */
    public static SysctlRow bound(String path, SysctlType type, SysctlVariable variable) {
        return new SysctlRow(path, 0644, type, SysctlCell.bound(variable));
    }

    /** A read-only constant, mode 0444. */
    public static SysctlRow constant(String path, SysctlType type, SysctlValue value) {
        return new SysctlRow(path, 0444, type, SysctlCell.holding(value));
    }

    /** A read-only row computed at each read, mode 0444. */
    public static SysctlRow computed(String path, SysctlType type, java.util.function.Supplier<SysctlValue> value) {
        return new SysctlRow(path, 0444, type, SysctlCell.computed(value));
    }

    /** Whether anyone may write the row (some w bit in the mode). */
    public boolean writable() {
        return (mode & 0222) != 0;
    }

    /** Whether acknowledged writes of this row go to the state file. */
    boolean persistent() {
        return writable() && cell instanceof SysctlCell.Stored;
    }

    /** The directory part of the path, empty for a row directly under {@code sys/}. */
    String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file name part of the path. */
    String leaf() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean fits(SysctlType type, SysctlValue value) {
        if (type instanceof SysctlType.StringType string) {
            return value instanceof SysctlValue.Text text && StringWrite.parseExact(string, text.bytes()) != null;
        }
        SysctlType.Numeric numeric = (SysctlType.Numeric) type;
        if (!(value instanceof SysctlValue.Numbers numbers) || numbers.size() != numeric.count()) {
            return false;
        }
        try {
            NumericWrite.parseExact(numeric, SysctlFormat.plain(type, value));
            return true;
        } catch (org.uprocfs.core.api.ProcException refused) {
            return false;
        }
    }
}
