package org.uprocfs.providers.hardware.entries;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable ASCII byte array for text built once and served many times (the kallsyms image). */
final class ByteText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    ByteText(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The UTF-8 bytes of {@code text}, for the pieces appended over and over. */
    static byte[] bytesOf(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    ByteText put(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    ByteText put(byte[] src) {
        ensure(src.length);
        System.arraycopy(src, 0, bytes, size, src.length);
        size += src.length;
        return this;
    }

    /** {@code %016lx}: all 64 bits as sixteen lower-case hex digits. */
    ByteText hex16(long value) {
        ensure(16);
        for (int shift = 60; shift >= 0; shift -= 4) {
            bytes[size++] = HEX[(int) (value >>> shift) & 0xf];
        }
        return this;
    }

    /** {@code %d} of a value that is not negative. */
    ByteText decimal(long value) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        ensure(digits);
        long v = value;
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += digits;
        return this;
    }

    /** The text so far, trimmed to its length. */
    /** Empties the text for reuse, keeping the array. */
    ByteText clear() {
        size = 0;
        return this;
    }

    /** The backing array, valid up to {@link #size()}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}
