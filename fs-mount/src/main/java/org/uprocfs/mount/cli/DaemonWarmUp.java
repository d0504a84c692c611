package org.uprocfs.mount.cli;

import org.uprocfs.mount.session.MountSession;

/**
 * The start-up work of a foreground daemon that depends on none of its options (loading libfuse2,
 * generating jnr-fuse's callback classes), run on a second thread beside the
 * command-line parse and the modules' init: about 150 ms off {@code uprocfs mount} on two CPUs.
 */
final class DaemonWarmUp {
    private static Thread thread;

    private DaemonWarmUp() {
    }

    /** Starts the warm-up once per JVM. */
    static synchronized void start() {
        if (thread == null) {
            // jnr-fuse only (the longest piece, about 200 ms). Never logging: the main thread starts it when
            // the modules load, after a detached daemon has named its log file.
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
