package org.uprocfs.providers.sysctl;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A string tunable stored in the shared system names, as proc_do_uts_string reads and writes them. */
final class UtsVariable implements SysctlVariable {
    private final Supplier<byte[]> reader;
    private final Consumer<byte[]> writer;

    UtsVariable(Supplier<byte[]> reader, Consumer<byte[]> writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @Override
    public SysctlValue get() {
        return new SysctlValue.Text(reader.get());
    }

    @Override
    public void set(SysctlValue value) {
        writer.accept(((SysctlValue.Text) value).bytes());
    }
}
