package org.uprocfs.core.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The buffer a show or seq handler prints into, like the kernel's {@code struct seq_file}.
 *
 * <p>It starts at one page and doubles while content does not fit, as {@code seq_read_iter} does;
 * past the render cap it fails with EFBIG instead of exhausting the daemon's memory.
 */
public final class SeqBuffer {
    /** The page size of x86-64, the unit of every procfs buffer. */
    public static final int PAGE_SIZE = 4096;

    private Caller caller;
    private final long capBytes;
    private Growth pool;
    private boolean growthLimited;
    private byte[] bytes = new byte[PAGE_SIZE];
    private int size;
    private boolean capReached;

    public SeqBuffer(Caller caller, long capBytes) {
        this(caller, capBytes, null);
    }

    /** How the engine grows a buffer it pools: into a kept larger array instead of a fresh copy. */
    @FunctionalInterface
    public interface Growth {
        /** An array of at least {@code capacity} bytes holding the first {@code used} bytes of {@code current}. */
        byte[] grow(byte[] current, int used, int capacity);
    }

    /** A buffer whose growth the engine's pool serves. */
    public SeqBuffer(Caller caller, long capBytes, Growth pool) {
        this.caller = caller;
        this.capBytes = capBytes;
        this.pool = pool;
    }

    /** A buffer for code that renders outside a syscall (tests, benchmarks): root caller, 64 MiB cap. */
    public static SeqBuffer forRoot() {
        return new SeqBuffer(Caller.ROOT, 64L << 20);
    }

    /** Who is reading: handlers that hide data from unprivileged readers (iomem, kallsyms) ask here. */
    public Caller caller() {
        return caller;
    }

    /** Formats with {@link String#format} in the root locale, like {@code seq_printf}. */
    public SeqBuffer printf(String format, Object... args) {
        return puts(String.format(Locale.ROOT, format, args));
    }

    /** Appends a string, UTF-8 encoded, like {@code seq_puts}. */
    public SeqBuffer puts(CharSequence text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Rare path: fall back to the encoder for everything from here on.
                byte[] rest = text.subSequence(i, length).toString().getBytes(StandardCharsets.UTF_8);
                return write(rest, 0, rest.length);
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    /** Appends one ASCII character, like {@code seq_putc}. */
    public SeqBuffer putc(char c) {
        if (c >= 0x80) {
            return puts(String.valueOf(c));
        }
        ensure(1);
        bytes[size++] = (byte) c;
        return this;
    }

    /** Appends a decimal number without going through a formatter. */
    public SeqBuffer putLong(long value) {
        return putLongPadded(value, 0);
    }

    /** Appends a number right-aligned in a field of the given width, like {@code %*lu}. */
    public SeqBuffer putLongPadded(long value, int width) {
        if (value == Long.MIN_VALUE) {
            // The one value whose magnitude does not fit a long; rare enough to format as text.
            String digits = Long.toString(value);
            for (int i = digits.length(); i < width; i++) {
                putc(' ');
            }
            return puts(digits);
        }
        // Digits go straight into the array: a meminfo-style render prints dozens of numbers per open,
        // and a String per number would be most of the daemon's garbage.
        long magnitude = Math.abs(value);
        int digits = 1;
        for (long rest = magnitude / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int length = digits + (value < 0 ? 1 : 0);
        int padding = Math.max(0, width - length);
        ensure(padding + length);
        for (int i = 0; i < padding; i++) {
            bytes[size++] = ' ';
        }
        if (value < 0) {
            bytes[size++] = '-';
        }
        int end = size + digits;
        for (int at = end - 1; at >= size; at--) {
            bytes[at] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        size = end;
        return this;
    }

    /** Appends raw bytes, like {@code seq_write}. */
    public SeqBuffer write(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Appends raw bytes. */
    public SeqBuffer write(byte[] src) {
        return write(src, 0, src.length);
    }

    /** Number of bytes printed so far. */
    public int size() {
        return size;
    }

    /** Drops everything printed after the given size; the engine uses it to roll back a failed record. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + newSize);
        }
        size = newSize;
    }

    /** Current capacity; starts at one page and doubles. */
    public int capacity() {
        return bytes.length;
    }

    /** Copies out up to {@code length} bytes starting at {@code from}. */
    public void copyTo(int from, byte[] dst, int dstOffset, int length) {
        System.arraycopy(bytes, from, dst, dstOffset, length);
    }

    /** The bytes printed so far, as a new array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes printed so far decoded as UTF-8; for tests. */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** Whether printing stopped because the content would have grown past the render cap. */
    public boolean capReached() {
        return capReached;
    }

    /**
     * Fails with EIO if the handler timeout interrupted this thread: the engine's loops call it so a
     * handler that prints or pages without end stops at its next record (like fatal_signal_pending in
     * seq_read_iter's loop).
     */
    public static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ProcException(Errno.EIO, "handler interrupted");
        }
    }

    /** The backing array, valid up to {@link #size()}; for the engine, which copies replies out of it. */
    public byte[] array() {
        return bytes;
    }

    /** Empties the buffer for another render by another reader, keeping its capacity; for the engine. */
    public void reuse(Caller newCaller) {
        caller = newCaller;
        size = 0;
    }

    /**
     * For the engine's streaming reads: while limited, printing past the capacity throws {@link Full}
     * instead of growing, so a record that does not fit behind others waits for an empty buffer.
     */
    public void limitGrowth(boolean limited) {
        growthLimited = limited;
    }

    /** For the engine: who serves this buffer's growth from now on (a pool, a memory budget). */
    public void growVia(Growth growth) {
        pool = growth;
    }

    /** The buffer's growth as the engine set it. */
    public Growth growth() {
        return pool;
    }

    /** Thrown while growth is limited and a record does not fit; the engine rolls the record back. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** One shared instance: it carries no state and no stack trace. */
        public static final Full INSTANCE = new Full();

        private Full() {
            super("seq buffer full", null, false, false);
        }
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed <= bytes.length) {
            return;
        }
        checkInterrupted();
        if (growthLimited) {
            throw Full.INSTANCE;
        }
        if (needed > capBytes || needed > Integer.MAX_VALUE - 8) {
            capReached = true;
            throw new ProcException(Errno.EFBIG, "render exceeds the cap of " + capBytes + " bytes");
        }
        long grown = bytes.length;
        while (grown < needed) {
            grown *= 2;
        }
        int capacity = (int) Math.min(grown, Math.max(needed, Math.min(capBytes, Integer.MAX_VALUE - 8)));
        bytes = pool == null ? Arrays.copyOf(bytes, capacity) : pool.grow(bytes, size, capacity);
    }
}
