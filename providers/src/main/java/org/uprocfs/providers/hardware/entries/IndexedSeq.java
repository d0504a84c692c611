package org.uprocfs.providers.hardware.entries;

import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.SeqOperations;

/** A seq_file walk over records numbered 0..count-1, the shape of most list files here. */
abstract class IndexedSeq implements SeqOperations<Integer> {

    /** The number of records, a header included. */
    abstract int count();

    /** Prints record {@code index}. */
    abstract void show(SeqBuffer m, int index);

    @Override
    public final Integer start(long position) {
        return position < count() ? (int) position : null;
    }

    @Override
    public final Integer next(Integer item, long position) {
        return start(position);
    }

    @Override
    public final void show(SeqBuffer m, Integer item) {
        show(m, item.intValue());
    }
}
