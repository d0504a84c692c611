package org.uprocfs.mount.cli;

import org.uprocfs.mount.session.MountSession;

/**
 * The start-up work of a foreground daemon that depends on none of its options (loading libfuse2,
 * generating jnr-fuse's callback classes, binding libfuse's session calls and libc), run on two more
 * threads beside the command-line parse and the modules' init: about 150 ms off {@code uprocfs mount}.
 */
final class DaemonWarmUp {
    private static Thread thread;

    private DaemonWarmUp() {
    }

    /** Starts the warm-up once per JVM. */
    static synchronized void start() {
        if (thread == null) {
            // jnr-fuse's callbacks (the longest piece, about 200 ms) on one thread, the bindings beside them.
            // Never logging: the main thread starts it when the modules load, after a detached daemon has
            // named its log file.
            Thread bindings = new Thread(MountSession::warmUpBindings, "fuse-warm-up-2");
            bindings.setDaemon(true);
            thread = new Thread(() -> {
                bindings.start();
                MountSession.warmUp();
                try {
                    bindings.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
