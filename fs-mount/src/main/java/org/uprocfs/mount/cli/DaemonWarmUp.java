package org.uprocfs.mount.cli;

import org.slf4j.LoggerFactory;
import org.uprocfs.mount.session.MountSession;

/**
 * The start-up work of a foreground daemon that depends on none of its options (loading libfuse2,
 * generating jnr-fuse's callback classes, starting logging), run on a second thread beside the
 * command-line parse and the modules' init: about 150 ms off {@code uprocfs mount} on two CPUs.
 */
final class DaemonWarmUp {
    private static Thread thread;

    private DaemonWarmUp() {
    }

    /** Starts the warm-up once per JVM. */
    static synchronized void start() {
        if (thread == null) {
            // jnr-fuse first: it is the longest piece (about 200 ms), and the main thread starts logging
            // anyway as soon as the modules load.
            thread = new Thread(() -> {
                MountSession.warmUp();
                LoggerFactory.getILoggerFactory();
            }, "fuse-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Waits for the warm-up to finish, starting it if nobody has. */
    static void await() throws InterruptedException {
        Thread running;
        synchronized (DaemonWarmUp.class) {
            start();
            running = thread;
        }
        running.join();
    }
}
