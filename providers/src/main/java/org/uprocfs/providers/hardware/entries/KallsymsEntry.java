package org.uprocfs.providers.hardware.entries;

import java.util.Arrays;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;
import org.uprocfs.providers.hardware.model.Machine;

/**
 * /proc/kallsyms: several MB of generated symbols, with all-zero addresses for readers without privilege as
 * kallsyms_show_value decides for an unprivileged opener.
 *
 * <p>A seq file over the symbol table, as the kernel's {@code kallsyms_op}: each line is computed from the
 * machine, the seed and its index, so readers stream it a page at a time and nothing holds the whole text.
 */
public final class KallsymsEntry implements SeqOperations<Long> {
    /** One line's scratch per thread; a line is well under a hundred bytes. */
    private static final ThreadLocal<ByteText> LINE = ThreadLocal.withInitial(() -> new ByteText(128));

    private final SymbolTable table;

    public KallsymsEntry(Machine machine, long seed) {
        this.table = new SymbolTable(machine, seed);
    }

    @Override
    public Long start(long position) {
        return position >= 0 && position < table.size() ? position : null;
    }

    @Override
    public Long next(Long item, long position) {
        return start(position);
    }

    @Override
    public void show(SeqBuffer m, Long index) {
        ByteText line = LINE.get().clear();
        table.appendLine(line, index);
        if (!m.caller().isRoot()) {
            Arrays.fill(line.array(), 0, SymbolTable.ADDRESS_COLUMNS, (byte) '0');
        }
        m.write(line.array(), 0, line.size());
    }
}
