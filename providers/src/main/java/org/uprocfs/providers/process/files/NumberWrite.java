package org.uprocfs.providers.process.files;

/** What one write(2) to a numeric proc file asks for: the parsed value and the byte count the call returns. */
public record NumberWrite(long value, int consumed) {
}
