package org.uprocfs.core.api;

/**
 * An iterator over records, like the kernel's {@code struct seq_operations}.
 *
 * <p>The engine owns the position: it calls {@link #start} with the position to begin at,
 * {@link #next} with the item just shown and the position of the next item, and always
 * calls {@link #stop}, even when show failed. A {@code null} item ends the sequence.
 *
 * @param <T> the record type
 */
public non-sealed interface SeqOperations<T> extends ReadHandler {

    /** The item at {@code position}, or {@code null} when there is none. */
    T start(long position);

    /** The item after {@code item}, which is at {@code position}, or {@code null} at the end. */
    T next(T item, long position);

    /** Prints one record. */
    void show(SeqBuffer buffer, T item);

    /** Releases whatever start took; called once per start, also after failures. */
    default void stop(T lastItem) {
    }
}
