package org.uprocfs.providers.hardware.entries;

import java.util.Arrays;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.ShowHandler;
import org.uprocfs.providers.hardware.model.Machine;

/**
 * /proc/kallsyms: several MB of generated symbols, with all-zero addresses for readers without privilege as
 * kallsyms_show_value decides for an unprivileged opener.
 *
 * <p>The table cannot change while the module is loaded, so each view is rendered once, on its first read,
 * and every later open copies the finished bytes; both views are immutable once published.
 */
public final class KallsymsEntry implements ShowHandler {
    private final SymbolTable table;
    private final Object renderLock = new Object();
    private volatile byte[] privileged;
    private volatile byte[] zeroed;

    public KallsymsEntry(Machine machine, long seed) {
        this.table = new SymbolTable(machine, seed);
    }

    @Override
    public void show(SeqBuffer m) {
        m.write(m.caller().isRoot() ? privileged() : zeroed());
    }

    private byte[] privileged() {
        byte[] image = privileged;
        if (image == null) {
            synchronized (renderLock) {
                image = privileged;
                if (image == null) {
                    image = table.render();
                    privileged = image;
                }
            }
        }
        return image;
    }

    private byte[] zeroed() {
        byte[] image = zeroed;
        if (image == null) {
            synchronized (renderLock) {
                image = zeroed;
                if (image == null) {
                    image = zeroAddresses(privileged());
                    zeroed = image;
                }
            }
        }
        return image;
    }

    /** The same lines with the address column of each one overwritten by zeros. */
    private static byte[] zeroAddresses(byte[] lines) {
        byte[] copy = lines.clone();
        for (int start = 0; start < copy.length; ) {
            Arrays.fill(copy, start, start + SymbolTable.ADDRESS_COLUMNS, (byte) '0');
            int end = start + SymbolTable.ADDRESS_COLUMNS;
            while (copy[end] != '\n') {
                end++;
            }
            start = end + 1;
        }
        return copy;
    }
}
