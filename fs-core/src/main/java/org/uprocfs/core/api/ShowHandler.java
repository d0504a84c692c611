package org.uprocfs.core.api;

/** A whole-file renderer, like a {@code single_open} show function: print everything into the buffer. */
@FunctionalInterface
public non-sealed interface ShowHandler extends ReadHandler {

    /** Prints the whole content; throw {@link org.uprocfs.core.api.ProcException} to fail the read. */
    void show(SeqBuffer buffer);
}
