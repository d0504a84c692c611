package org.uprocfs.providers.sysctl;

/** The storage of a cell that owns its value; one volatile reference, so readers see whole values. */
final class OwnedValue implements SysctlVariable {
    private volatile SysctlValue value;

    OwnedValue(SysctlValue initial) {
        this.value = initial;
    }

    @Override
    public SysctlValue get() {
        return value;
    }

    @Override
    public void set(SysctlValue newValue) {
        value = newValue;
    }
}
