package org.uprocfs.core.api;

import java.nio.charset.StandardCharsets;

/** The bytes of one {@code write(2)} at a file offset, and who wrote them. */
public record WriteRequest(byte[] data, long offset, Caller caller) {

    /** Number of bytes written. */
    public int length() {
        return data.length;
    }

    /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
