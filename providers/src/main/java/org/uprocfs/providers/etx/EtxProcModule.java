package org.uprocfs.providers.etx;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.api.WriteRequest;
import org.uprocfs.providers.state.ModuleState;

/** The EmbeTronicX driver's {@code etx_proc}: a small world-writable buffer that reads back what was last written. */
public final class EtxProcModule implements ProcModule {
    /** The module and entry name. */
    public static final String NAME = "etx_proc";
    /** The module parameter that sets the buffer size in bytes. */
    public static final String SIZE_PARAMETER = "etx_proc.size";
    /** The size of the original's array. */
    static final int DEFAULT_SIZE = 20;
    /** Upper bound for the size parameter, so a typo cannot ask for gigabytes. */
    static final int MAX_SIZE = 1 << 20;
    /** What the original put in its array before anyone wrote. */
    static final String INITIAL_CONTENT = "try_proc_array\n";

    private static final Logger LOG = LoggerFactory.getLogger(EtxProcModule.class);

    private volatile Optional<ModuleState> state = Optional.empty();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(ProcContext ctx) {
        int size = ctx.parameter(SIZE_PARAMETER).map(EtxProcModule::parseSize).orElse(DEFAULT_SIZE);
        this.state = ModuleState.open(ctx, NAME);
        byte[] initial = state.flatMap(slot -> slot.load(saved -> {
            if (saved.length > size) {
                throw new IllegalArgumentException("it holds " + saved.length + " bytes, more than the buffer of " + size);
            }
            return saved;
        })).orElse(INITIAL_CONTENT.getBytes(StandardCharsets.UTF_8));
        EtxBuffer buffer = new EtxBuffer(size, initial);
        ctx.create(null, NAME, 0666, ProcHandlers.show((SeqBuffer out) -> out.write(buffer.content()))
                .withWrite((WriteRequest request) -> write(buffer, request)));
        LOG.debug("etx_proc buffer of {} bytes", size);
        ctx.printk(LogLevel.INFO, "etx_proc: device driver inserted, buffer of %d bytes", size);
    }

    @Override
    public void exit(ProcContext context) {
        context.printk(LogLevel.INFO, "etx_proc: device driver removed");
    }

    private int write(EtxBuffer buffer, WriteRequest request) {
        // The original ignored the file offset: every write replaces the array from its start.
        // One lock spans save and replace, so the file on disk always matches an acknowledged value.
        synchronized (buffer) {
            buffer.checkFits(request.data());
            state.ifPresent(slot -> slot.save(request.data()));
            buffer.replace(request.data());
        }
        return request.length();
    }

    private static int parseSize(String value) {
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ProcException(Errno.EINVAL, SIZE_PARAMETER + " is not a number: '" + value + "'");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ProcException(Errno.EINVAL, SIZE_PARAMETER + " must be between 1 and " + MAX_SIZE + ": " + size);
        }
        return size;
    }
}
