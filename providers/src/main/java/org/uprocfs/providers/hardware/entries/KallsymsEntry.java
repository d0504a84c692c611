package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.io.SeqBuffer;
import org.uprocfs.core.io.SeqOperations;
import org.uprocfs.providers.hardware.model.Machine;

/**
 * /proc/kallsyms: several MiB of generated symbols, one record per symbol, with all-zero addresses for
 * readers without privilege as kallsyms_show_value decides for an unprivileged opener.
 */
public final class KallsymsEntry implements SeqOperations<Long> {
    private final SymbolTable table;

    public KallsymsEntry(Machine machine, long seed) {
        this.table = new SymbolTable(machine, seed);
    }

    @Override
    public Long start(long position) {
        return position < table.size() ? position : null;
    }

    @Override
    public Long next(Long item, long position) {
        return start(position);
    }

    @Override
    public void show(SeqBuffer m, Long index) {
        SymbolTable.Symbol s = table.symbol(index);
        long address = m.caller().isRoot() ? s.address() : 0;
        String hex = Long.toHexString(address);
        for (int i = hex.length(); i < 16; i++) {
            m.putc('0');
        }
        m.puts(hex).putc(' ').putc(s.type()).putc(' ').puts(s.name());
        if (s.module() != null) {
            m.puts("\t[").puts(s.module()).putc(']');
        }
        m.putc('\n');
    }
}
