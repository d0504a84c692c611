package org.uprocfs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.mount.session.MountOptions;
import org.uprocfs.mount.session.MountSession;

/**
 * A JUnit extension that mounts a real uprocfs in a fresh temporary directory before the tests of a
 * class and unmounts it after them; readiness comes from the FUSE init callback.
 */
public final class ProcMount implements BeforeAllCallback, AfterAllCallback {
    private final List<String> modules;
    private final Map<String, String> parameters = new HashMap<>();
    private ProcClock clock;
    private Duration handlerTimeout = ProcFsConfig.DEFAULT_HANDLER_TIMEOUT;
    private long renderCap = ProcFsConfig.DEFAULT_RENDER_CAP;
    private MountOptions options = MountOptions.defaults();
    private Path directory;
    private MountSession session;

    private ProcMount(List<String> modules) {
        this.modules = modules;
    }

    /** A mount loading exactly these modules. */
    public static ProcMount withModules(String... modules) {
        return new ProcMount(List.of(modules));
    }

    /** A mount loading every module a default mount loads. */
    public static ProcMount withDefaultModules() {
        return new ProcMount(null);
    }

    /** Uses this simulation clock. */
    public ProcMount clock(ProcClock newClock) {
        this.clock = newClock;
        return this;
    }

    /** Abandons handler calls after this long. */
    public ProcMount handlerTimeout(Duration timeout) {
        this.handlerTimeout = timeout;
        return this;
    }

    /** Caps one render at this many bytes. */
    public ProcMount renderCap(long bytes) {
        this.renderCap = bytes;
        return this;
    }

    /** Passes a module parameter. */
    public ProcMount parameter(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** Mounts with these FUSE options. */
    public ProcMount options(MountOptions newOptions) {
        this.options = newOptions;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        FuseRequirement.check();
        directory = Files.createTempDirectory("uprocfs-it-");
        ProcFsConfig config = ProcFsConfig.defaults().withModules(modules).withParameters(parameters)
                .withHandlerTimeout(handlerTimeout).withRenderCap(renderCap);
        if (clock != null) {
            config = config.withClock(clock);
        }
        session = MountSession.mount(ProcFs.start(config), directory, options, Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (session != null) {
            session.close();
        }
        if (directory != null) {
            Files.deleteIfExists(directory);
        }
    }

    /** The mount point. */
    public Path root() {
        return directory;
    }

    /** A path inside the mount, e.g. {@code path("selftest/version")}. */
    public Path path(String relative) {
        return directory.resolve(relative);
    }

    /** The file system behind the mount. */
    public ProcFs fs() {
        return session.fs();
    }

    /** The mount session. */
    public MountSession session() {
        return session;
    }
}
