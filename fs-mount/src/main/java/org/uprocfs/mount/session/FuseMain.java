package org.uprocfs.mount.session;

import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.PointerByReference;
import ru.serce.jnrfuse.struct.FuseOperations;

/**
 * What libfuse2's {@code fuse_main_real} does (set up, serve until unmounted, tear down), with the request
 * loop on JVM threads ({@link FuseWorkers}) instead of libfuse's native ones.
 */
final class FuseMain {
    /** How long a handler still running when the mount ends may delay the tear-down. */
    private static final Duration TEARDOWN_GRACE = Duration.ofSeconds(5);
    private static volatile LibFuseSession loaded;

    private FuseMain() {
    }

    /** The session part of libfuse2 (the same library jnr-fuse loaded), bound once per JVM. */
    static LibFuseSession load() {
        LibFuseSession lib = loaded;
        if (lib == null) {
            lib = bind();
            loaded = lib;
        }
        return lib;
    }

    private static LibFuseSession bind() {
        try {
            return LibraryLoader.create(LibFuseSession.class).failImmediately().load("fuse");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return LibraryLoader.create(LibFuseSession.class).failImmediately().load("libfuse.so.2");
        }
    }

    /**
     * Mounts on {@code mountPoint} with libfuse's command-line {@code options} and serves until the mount
     * ends; throws if libfuse could not set up (it has printed why on stderr).
     */
    static void run(LibFuseSession lib, FuseOperations operations, Path mountPoint, List<String> options)
            throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("uprocfs", "-f", mountPoint.toString()));
        args.addAll(options);
        Runtime runtime = Runtime.getRuntime(lib);
        // argv stays in native memory for the whole session: libfuse keeps pointers into it.
        List<Pointer> strings = new ArrayList<>();
        Pointer argv = Memory.allocateDirect(runtime, (args.size() + 1) * runtime.addressSize(), true);
        for (int i = 0; i < args.size(); i++) {
            byte[] bytes = args.get(i).getBytes(StandardCharsets.UTF_8);
            Pointer string = Memory.allocateDirect(runtime, bytes.length + 1, true);
            string.put(0, bytes, 0, bytes.length);
            strings.add(string);
            argv.putPointer((long) i * runtime.addressSize(), string);
        }
        PointerByReference mountPointString = new PointerByReference();
        Pointer fuse = lib.fuse_setup(args.size(), argv, operations, Struct.size(operations), mountPointString,
                new IntByReference(), null);
        if (fuse == null) {
            throw new IllegalStateException("libfuse could not mount (see the daemon log)");
        }
        boolean stopped = new FuseWorkers(lib, fuse).serveUntilEnded(TEARDOWN_GRACE);
        if (stopped) {
            // With a worker still inside a handler, freeing the session under it could crash the daemon;
            // the process is about to exit, so leave the memory to it.
            lib.fuse_teardown(fuse, mountPointString.getValue());
        }
        Reference.reachabilityFence(strings);
        Reference.reachabilityFence(argv);
    }
}
