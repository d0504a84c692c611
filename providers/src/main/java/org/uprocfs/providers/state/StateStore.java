package org.uprocfs.providers.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A directory of named, checksummed blobs that survive a crash: a write is on disk when it returns.
 *
 * <p>Each name is one file {@code <name>.state}: a header line {@code uprocfs-state 1 <crc32c> <length>}
 * and the payload. A write goes to a temporary file that is forced, renamed over the old one
 * atomically, and then the directory is forced so the rename itself is durable. A reader therefore
 * sees the old or the new payload, never a mix; the checksum catches damage done outside uprocfs.
 * Writers of the same name must be serialized by the caller; different names are independent.
 */
public final class StateStore {
    private static final String MAGIC = "uprocfs-state";
    private static final int VERSION = 1;
    private static final String SUFFIX = ".state";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final int HEADER_MAX = 128;

    private final Path directory;

    private StateStore(Path directory) {
        this.directory = directory;
    }

    /** The largest state file read: every module's state is a few KiB (the fortune pot is 4 KiB). */
    static final long MAX_STATE_BYTES = 1L << 20;

    /** Opens (creating if needed) a state directory and deletes temporary files a crash left behind. */
    public static StateStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (!Files.isWritable(directory)) {
            // Every acknowledged write would fail later; say so at mount instead.
            throw new java.nio.file.AccessDeniedException(directory.toString(), null, "the directory is not writable");
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + SUFFIX + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return new StateStore(directory);
    }

    /** The directory this store writes into. */
    public Path directory() {
        return directory;
    }

    /** The file that holds {@code name}. */
    public Path fileOf(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid state name '" + name + "'");
        }
        return directory.resolve(name + SUFFIX);
    }

    /** The payload stored under {@code name}, empty if never written; {@link CorruptStateException} if it cannot be trusted. */
    public Optional<byte[]> read(String name) {
        Path file = fileOf(name);
        byte[] raw;
        try {
            // Type and size first: a FIFO would block the start, /dev/zero or a huge file would fill the heap.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new CorruptStateException(file, "it is not a regular file", null);
            }
            if (attributes.size() > MAX_STATE_BYTES) {
                throw new CorruptStateException(file, "it holds " + attributes.size() + " bytes, more than the "
                        + MAX_STATE_BYTES + " any module's state takes", null);
            }
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CorruptStateException(file, e.toString(), e);
        }
        return Optional.of(decode(file, raw));
    }

    /** Replaces the payload of {@code name}; when this returns the new payload is durable. */
    public void write(String name, byte[] payload) throws IOException {
        Path file = fileOf(name);
        Path temp = Files.createTempFile(directory, name + SUFFIX + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(channel, ByteBuffer.wrap(header(payload)));
                writeFully(channel, ByteBuffer.wrap(payload));
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceDirectory();
    }

    /**
     * Moves a refused file aside as {@code <name>.state.corrupt} (then {@code .corrupt.1}, {@code .2}, ...) so a
     * fresh start does not trip over it again; an earlier copy is never overwritten.
     */
    public Path quarantine(String name) throws IOException {
        Path file = fileOf(name);
        Path aside = directory.resolve(file.getFileName() + ".corrupt");
        for (int n = 1; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = directory.resolve(file.getFileName() + ".corrupt." + n);
        }
        Files.move(file, aside);
        forceDirectory();
        return aside;
    }

    private void forceDirectory() throws IOException {
        // The rename is only durable once the directory entry is; Linux lets us fsync a directory opened read-only.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static byte[] header(byte[] payload) {
        return String.format(java.util.Locale.ROOT, "%s %d %08x %d\n", MAGIC, VERSION, checksum(payload, 0,
                payload.length), payload.length).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] decode(Path file, byte[] raw) {
        int newline = -1;
        for (int i = 0; i < Math.min(raw.length, HEADER_MAX); i++) {
            if (raw[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            throw new CorruptStateException(file, "no header line", null);
        }
        String[] fields = new String(raw, 0, newline, StandardCharsets.US_ASCII).split(" ", -1);
        if (fields.length != 4 || !fields[0].equals(MAGIC)) {
            throw new CorruptStateException(file, "not a uprocfs state file", null);
        }
        if (!fields[1].equals(Integer.toString(VERSION))) {
            throw new CorruptStateException(file, "unknown format version " + fields[1], null);
        }
        long expectedCrc;
        int length;
        try {
            expectedCrc = Long.parseLong(fields[2], 16);
            length = Integer.parseInt(fields[3]);
        } catch (NumberFormatException e) {
            throw new CorruptStateException(file, "bad header '" + String.join(" ", fields) + "'", e);
        }
        int start = newline + 1;
        if (length != raw.length - start) {
            throw new CorruptStateException(file, "payload is " + (raw.length - start) + " bytes, header says "
                    + length, null);
        }
        if (checksum(raw, start, length) != expectedCrc) {
            throw new CorruptStateException(file, "checksum mismatch", null);
        }
        return java.util.Arrays.copyOfRange(raw, start, raw.length);
    }

    private static long checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
