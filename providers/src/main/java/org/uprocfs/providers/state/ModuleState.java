package org.uprocfs.providers.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;

/**
 * One module's durable slot in the daemon's state directory ({@code mount --state DIR}): loaded at init,
 * saved before a write is acknowledged. Without {@code --state} there is no slot and state lives in memory,
 * as the kernel's does.
 */
public final class ModuleState {
    /** The module parameter naming the state directory. */
    public static final String STATE_PARAMETER = "state";
    /** The module parameter that lets a corrupt state file be set aside instead of refused. */
    public static final String RESET_PARAMETER = "reset-state";

    private static final Logger LOG = LoggerFactory.getLogger(ModuleState.class);

    private final StateStore store;
    private final String name;
    private final boolean reset;

    private ModuleState(StateStore store, String name, boolean reset) {
        this.store = store;
        this.name = name;
        this.reset = reset;
    }

    /** The slot called {@code name}, or empty when the daemon keeps no state. */
    public static Optional<ModuleState> open(ProcContext context, String name) {
        boolean reset = context.parameter(RESET_PARAMETER).map(Boolean::parseBoolean).orElse(false);
        return sharedStore(context).map(store -> new ModuleState(store, name, reset));
    }

    /**
     * The daemon's one store, shared by every module so that opening it (which clears a crash's temporary
     * files) happens once and never under another module's write.
     */
    public static Optional<StateStore> sharedStore(ProcContext context) {
        Optional<String> directory = context.parameter(STATE_PARAMETER);
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context.shared(StateStore.class, () -> {
            Path path = Path.of(directory.get());
            try {
                return StateStore.open(path);
            } catch (IOException e) {
                throw new ProcException(Errno.EINVAL, "cannot use state directory " + path + ": " + e.getMessage());
            }
        }));
    }

    /**
     * The saved payload, empty if none. A corrupt or unreadable file is refused with EINVAL naming it,
     * unless reset-state is set: then it is moved aside, one line is logged, and the module starts fresh.
     */
    public Optional<byte[]> load() {
        return load(payload -> payload);
    }

    /**
     * The saved payload as the module reads it: {@code decode} throws IllegalArgumentException for a payload
     * the module cannot use (a pot that does not fit, a buffer longer than the new size), which is refused,
     * or set aside under reset-state, exactly as a file that fails its checksum.
     */
    public <T> Optional<T> load(Function<byte[], T> decode) {
        Optional<byte[]> payload;
        try {
            payload = store.read(name);
        } catch (CorruptStateException e) {
            return refuse(e.getMessage());
        }
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode.apply(payload.get()));
        } catch (IllegalArgumentException unusable) {
            return refuse("state file " + store.fileOf(name) + " cannot be used: " + unusable.getMessage());
        }
    }

    private <T> Optional<T> refuse(String reason) {
        if (!reset) {
            throw new ProcException(Errno.EINVAL, reason + " (start with --reset-state to discard it)");
        }
        Path aside;
        try {
            aside = store.quarantine(name);
        } catch (IOException moveFailed) {
            aside = null;
        }
        LOG.warn("{}; --reset-state is set, starting from defaults (old file moved to {})", reason, aside);
        return Optional.empty();
    }

    /** Makes the payload durable before returning; a disk failure is EIO and the caller keeps its old state. */
    public void save(byte[] payload) {
        try {
            store.write(name, payload);
        } catch (IOException e) {
            throw new ProcException(Errno.EIO, "cannot save " + store.fileOf(name) + ": " + e.getMessage());
        }
    }

    /** The file that holds this slot. */
    public Path file() {
        return store.fileOf(name);
    }
}
