package org.uprocfs.core.api;

/** How an entry produces its content: one of the kernel's read shapes. */
public sealed interface ReadHandler permits ShowHandler, SeqOperations, LegacyReadProc, RawReadHandler {
}
