package org.uprocfs.mount.session;

import jnr.ffi.Pointer;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.PointerByReference;
import jnr.ffi.types.size_t;
import ru.serce.jnrfuse.struct.FuseOperations;

/**
 * The part of libfuse2's API (2.9) that {@code fuse_main_real} is built from: set-up, the session's
 * receive and process steps, and tear-down. uprocfs runs the receive-process loop on its own JVM threads
 * instead of libfuse's, so no native thread is attached to the JVM for a callback (see {@link FuseWorkers}).
 */
public interface LibFuseSession {
    /** Parses the command line, mounts and makes a {@code struct fuse}; null on failure (libfuse printed why). */
    Pointer fuse_setup(int argc, Pointer argv, FuseOperations op, @size_t long opSize, PointerByReference mountpoint,
            IntByReference multithreaded, Pointer userData);

    /** Unmounts, calls the destroy operation and frees the {@code struct fuse} and the mount point string. */
    void fuse_teardown(Pointer fuse, Pointer mountpoint);

    /** The low-level session behind a {@code struct fuse}. */
    Pointer fuse_get_session(Pointer fuse);

    /** The session's channel after {@code ch} (null for the first). */
    Pointer fuse_session_next_chan(Pointer session, Pointer ch);

    /** The buffer size a request read from the channel needs (max_write plus a page). */
    @size_t long fuse_chan_bufsize(Pointer ch);

    /** Reads one request into {@code struct fuse_buf}; bytes read, 0 when the session ended, or a negated errno. */
    int fuse_session_receive_buf(Pointer session, Pointer buf, Pointer chp);

    /** Answers one request: decodes it and calls the operation on the calling thread. */
    void fuse_session_process_buf(Pointer session, Pointer buf, Pointer ch);

    /** Marks the session as ended. */
    void fuse_session_exit(Pointer session);

    /** Non-zero once the session has ended. */
    int fuse_session_exited(Pointer session);

    /** Non-zero when the request this thread is answering was interrupted (needs the intr mount option). */
    int fuse_interrupted();
}
