package org.uprocfs.providers.sysctl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.providers.state.CorruptStateException;
import org.uprocfs.providers.state.StateStore;

/**
 * The saved values of every persistent row, one state blob {@code sysctl} of {@code path=value} lines
 * (values never hold a newline: numbers are tab-separated and strings stop at newline). Rows of modules
 * not loaded right now keep their saved lines. Callers hold the table's commit lock.
 */
final class SysctlPersistence {
    private static final Logger LOG = LoggerFactory.getLogger(SysctlPersistence.class);
    static final String STATE_NAME = "sysctl";

    private final StateStore store;
    private Map<String, byte[]> saved;

    private SysctlPersistence(StateStore store, Map<String, byte[]> saved) {
        this.store = store;
        this.saved = saved;
    }

    /** No state directory: values live in memory only. */
    static SysctlPersistence inMemory() {
        return new SysctlPersistence(null, new TreeMap<>());
    }

    /**
     * Loads the saved values; a corrupt or unreadable file is refused with EINVAL naming it, unless
     * {@code reset}, which moves it aside and starts from the defaults.
     */
    static SysctlPersistence open(StateStore store, boolean reset) {
        Path file = store.fileOf(STATE_NAME);
        try {
            Optional<byte[]> payload = store.read(STATE_NAME);
            return new SysctlPersistence(store, payload.map(bytes -> decode(file, bytes)).orElseGet(TreeMap::new));
        } catch (CorruptStateException e) {
            if (!reset) {
                throw new ProcException(Errno.EINVAL, e.getMessage()
                        + " (start with reset-state=true to discard it)");
            }
            LOG.warn("sysctl: {}; reset-state is set, starting from defaults (old file moved to {})",
                    e.getMessage(), quarantine(store));
            return new SysctlPersistence(store, new TreeMap<>());
        }
    }

    /** Whether writes reach a disk. */
    boolean durable() {
        return store != null;
    }

    /** The state file, for messages; empty in memory. */
    Optional<Path> file() {
        return store == null ? Optional.empty() : Optional.of(store.fileOf(STATE_NAME));
    }

    /** The saved plain value of {@code path}, if any. */
    Optional<byte[]> saved(String path) {
        return Optional.ofNullable(saved.get(path)).map(byte[]::clone);
    }

    /** Makes {@code plain} the saved value of {@code path}; durable before it returns; EIO if the disk refuses. */
    void save(String path, byte[] plain) {
        if (store == null) {
            return;
        }
        Map<String, byte[]> next = new TreeMap<>(saved);
        next.put(path, plain.clone());
        try {
            store.write(STATE_NAME, encode(next));
        } catch (IOException e) {
            throw new ProcException(Errno.EIO, "cannot save " + path + " to " + store.fileOf(STATE_NAME) + ": " + e);
        }
        saved = next;
    }

    private static byte[] encode(Map<String, byte[]> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : values.entrySet()) {
            out.writeBytes(entry.getKey().getBytes(StandardCharsets.UTF_8));
            out.write('=');
            out.writeBytes(entry.getValue());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> decode(Path file, byte[] payload) {
        Map<String, byte[]> values = new TreeMap<>();
        int start = 0;
        int lineNumber = 0;
        while (start < payload.length) {
            lineNumber++;
            int end = indexOf(payload, (byte) '\n', start);
            if (end < 0) {
                throw new CorruptStateException(file, "line " + lineNumber + " has no newline", null);
            }
            int equals = indexOf(payload, (byte) '=', start);
            if (equals < 0 || equals > end) {
                throw new CorruptStateException(file, "line " + lineNumber + " has no '='", null);
            }
            String path = new String(payload, start, equals - start, StandardCharsets.UTF_8);
            if (values.put(path, Arrays.copyOfRange(payload, equals + 1, end)) != null) {
                throw new CorruptStateException(file, "line " + lineNumber + " repeats " + path, null);
            }
            start = end + 1;
        }
        return values;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static Object quarantine(StateStore store) {
        try {
            return store.quarantine(STATE_NAME);
        } catch (IOException e) {
            return "nowhere (" + e + "); it will be replaced by the next write";
        }
    }
}
