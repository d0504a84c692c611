package org.uprocfs.core.io;

/** Where read bytes go: the adapter's native buffer, or an array in tests. */
@FunctionalInterface
public interface ReadSink {

    /** Copies {@code length} bytes from {@code src[srcOffset..]} to position {@code at} of the destination. */
    void put(int at, byte[] src, int srcOffset, int length);

    /** A sink writing into an array from position 0. */
    static ReadSink of(byte[] dst) {
        return (at, src, srcOffset, length) -> System.arraycopy(src, srcOffset, dst, at, length);
    }
}
