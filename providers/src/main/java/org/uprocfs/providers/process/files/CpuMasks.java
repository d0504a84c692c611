package org.uprocfs.providers.process.files;

import java.util.List;
import org.uprocfs.core.api.SeqBuffer;

/** The kernel's {@code %*pb} and {@code %*pbl} bitmap formats (lib/vsprintf.c bitmap_string, bitmap_list_string). */
final class CpuMasks {
    /** MAX_NUMNODES of an x86-64 distribution kernel (NODES_SHIFT 10): Mems_allowed prints 32 words. */
    static final int MAX_NUMNODES = 1024;

    private CpuMasks() {
    }

    /**
     * {@code %*pb}: 32-bit words in hex, most significant first, comma separated; the first word is
     * zero-padded to the digits its {@code nbits % 32} bits need, the others to 8.
     */
    static SeqBuffer hex(SeqBuffer m, List<Integer> bits, int nbits) {
        // A set bit beyond the given width widens the mask rather than vanishing from it.
        for (int bit : bits) {
            nbits = Math.max(nbits, bit + 1);
        }
        int chunk = nbits % 32 == 0 ? 32 : nbits % 32;
        int top = (nbits + 31) / 32 * 32 - 32;
        boolean first = true;
        for (int base = top; base >= 0; base -= 32) {
            long word = 0;
            for (int bit : bits) {
                if (bit >= base && bit < base + 32 && bit < nbits) {
                    word |= 1L << (bit - base);
                }
            }
            if (!first) {
                m.putc(',');
            }
            first = false;
            Cols.hex(m, word, (chunk + 3) / 4);
            chunk = 32;
        }
        return m;
    }

    /** {@code %*pbl}: ascending ranges such as {@code 0-1,4}; the bits must be ascending. */
    static SeqBuffer list(SeqBuffer m, List<Integer> bits) {
        int i = 0;
        boolean first = true;
        while (i < bits.size()) {
            int start = bits.get(i);
            int end = start;
            while (i + 1 < bits.size() && bits.get(i + 1) == end + 1) {
                end = bits.get(++i);
            }
            i++;
            if (!first) {
                m.putc(',');
            }
            first = false;
            m.putLong(start);
            if (end != start) {
                m.putc('-').putLong(end);
            }
        }
        return m;
    }
}
