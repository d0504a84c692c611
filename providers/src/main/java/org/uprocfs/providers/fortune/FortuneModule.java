package org.uprocfs.providers.fortune;

import java.util.Optional;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LegacyReadProc;
import org.uprocfs.core.api.LogLevel;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.api.ReadProcPage;
import org.uprocfs.core.api.WriteRequest;
import org.uprocfs.providers.state.ModuleState;

/** The fortune cookie dispenser: each write adds a cookie, each {@code cat} shows the next one. */
public final class FortuneModule implements ProcModule {
    /** The module and entry name. */
    public static final String NAME = "fortune";
    /** The pot is one page, as the original allocated it. */
    static final int POT_SIZE = 4096;

    private final CookiePot pot = new CookiePot(POT_SIZE);
    private volatile ProcContext context;
    private volatile Optional<ModuleState> state = Optional.empty();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(ProcContext ctx) {
        this.context = ctx;
        this.state = ModuleState.open(ctx, NAME);
        state.flatMap(slot -> slot.load(saved -> {
            pot.restore(saved);
            return saved;
        }));
        LegacyReadProc read = this::readCookie;
        ctx.create(null, NAME, 0644, ProcHandlers.legacy(read).withWrite(this::writeCookie));
        ctx.printk(LogLevel.INFO, "fortune: Module loaded.");
    }

    @Override
    public void exit(ProcContext context) {
        context.printk(LogLevel.INFO, "fortune: Module unloaded.");
    }

    /** read_proc: the whole cookie at offset 0 and nothing after it, so each open shows one cookie. */
    private int readCookie(ReadProcPage page, long offset, int count) {
        if (offset > 0) {
            page.setEof();
            return 0;
        }
        byte[] cookie = pot.next();
        page.write(cookie, 0, cookie.length);
        page.print("\n");
        return page.length();
    }

    /** write_proc: one write(2) is one cookie; a cookie that does not fit is refused whole. */
    private int writeCookie(WriteRequest request) {
        // The pot's lock spans save and add, so the file on disk always matches an acknowledged pot.
        synchronized (pot) {
            byte[] next = pot.usedBytesWith(request.data());
            if (next == null) {
                context.printk(LogLevel.INFO, "fortune: cookie pot is full!");
                throw new ProcException(Errno.ENOSPC, "fortune: no room for a cookie of " + request.length() + " bytes");
            }
            state.ifPresent(slot -> slot.save(next));
            pot.add(request.data());
        }
        return request.length();
    }
}
