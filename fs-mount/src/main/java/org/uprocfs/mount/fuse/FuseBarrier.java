package org.uprocfs.mount.fuse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.ProcException;

/**
 * The one exception barrier between Java and libfuse: a {@link ProcException} becomes its negated errno,
 * anything else is logged once with operation and path and becomes -EIO. Nothing escapes into native code.
 */
public final class FuseBarrier {
    private static final Logger LOG = LoggerFactory.getLogger(FuseBarrier.class);

    /** A FUSE operation body that returns a non-negative result or throws. */
    @FunctionalInterface
    public interface Operation {
        int run();
    }

    /** A FUSE operation body with no result. */
    @FunctionalInterface
    public interface VoidOperation {
        void run();
    }

    private FuseBarrier() {
    }

    /** Runs the body and maps every failure to a negated errno. */
    public static int call(String operation, String path, Operation body) {
        try {
            return body.run();
        } catch (ProcException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: {}", operation, path, e.getMessage());
            }
            return -e.errno().code();
        } catch (Throwable e) {
            // One line per failure; the stack trace only at debug level, so a faulty module cannot flood the log.
            LOG.error("{} {} failed unexpectedly, answering EIO: {}", operation, path, e.toString());
            LOG.debug("stack trace of the {} {} failure", operation, path, e);
            if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError)) {
                throw vme;
            }
            return -Errno.EIO.code();
        }
    }

    /** Runs a body without result; success is 0. */
    public static int run(String operation, String path, VoidOperation body) {
        return call(operation, path, () -> {
            body.run();
            return 0;
        });
    }
}
