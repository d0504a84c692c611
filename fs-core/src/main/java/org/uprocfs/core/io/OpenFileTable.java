package org.uprocfs.core.io;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.OpenCheck;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.RawReadHandler;
import org.uprocfs.core.api.SeqBuffer;
import org.uprocfs.core.entry.ProcEntry;
import org.uprocfs.core.entry.ProcFile;

/** The handle table: FUSE's {@code fh} number to the open file, freed on release. */
public final class OpenFileTable {
    private final ConcurrentHashMap<Long, OpenFile> handles = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    private final SeqBufferPool buffers;
    private final HandlerWatchdog watchdog;

    public OpenFileTable(long renderCap, HandlerWatchdog watchdog) {
        // Enough buffers for every libfuse worker thread; small ones only, so big renders do not stay resident.
        this.buffers = new SeqBufferPool(16, renderCap, 16 * SeqBuffer.PAGE_SIZE);
        this.watchdog = watchdog;
    }

    /** Opens a file and returns its handle number; a raw handler's open runs under the watchdog. */
    public long open(ProcFile file, OpenRequest request) {
        OpenCheck check = file.handlers().open();
        if (check != null) {
            watched(file.path(), () -> {
                check.check(request);
                return 0;
            });
        }
        OpenFile[] opened = new OpenFile[1];
        if (file.handlers().read() instanceof RawReadHandler && request.readable()) {
            try {
                watched(file.path(), () -> {
                    opened[0] = new OpenFile(file, request, buffers);
                    return 0;
                });
            } catch (RuntimeException e) {
                if (opened[0] != null) {
                    // Abandoned after the session was made: release it, so nothing counts it as open.
                    opened[0].close();
                }
                throw e;
            }
        } else {
            opened[0] = new OpenFile(file, request, buffers);
        }
        long handle = nextHandle.getAndIncrement();
        handles.put(handle, opened[0]);
        return handle;
    }

    /** The open file for a handle; EBADF if unknown. */
    public OpenFile get(long handle) {
        OpenFile open = handles.get(handle);
        if (open == null) {
            throw new ProcException(Errno.EBADF, "no open file with handle " + handle);
        }
        return open;
    }

    /**
     * Reads through a handle under the watchdog; a blocking raw session (kmsg) is exempt, since waiting
     * for data is its contract and its release wakes it.
     */
    public int read(long handle, long offset, int size, ReadSink sink) {
        OpenFile open = get(handle);
        if (open.readMayBlock()) {
            return open.read(offset, size, sink);
        }
        return watched(open.file().path(), () -> open.read(offset, size, sink));
    }

    /** Writes through a handle under the watchdog. */
    public int write(long handle, long offset, byte[] data) {
        OpenFile open = get(handle);
        return watched(open.file().path(), () -> open.write(offset, data));
    }

    /** Frees a handle; unknown handles are ignored, as release cannot fail. */
    public void release(long handle) {
        OpenFile open = handles.remove(handle);
        if (open != null) {
            open.close();
            open.recycle();
        }
    }

    /**
     * Closes the sessions of handles on an entry that was removed, so blocked readers wake with EIO; a
     * computed entry is made per lookup, so its handles are found by its removed state, not by identity.
     */
    public void entryRemoved(ProcEntry entry) {
        for (OpenFile open : handles.values()) {
            if (open.file() == entry || open.file().isRemoved()) {
                open.close();
            }
        }
    }

    /** Closes every handle; used at unmount. */
    public void closeAll() {
        for (Long handle : List.copyOf(handles.keySet())) {
            release(handle);
        }
    }

    /** Runs one handler call under the watchdog: EIO if it is abandoned, its own result or failure otherwise. */
    private int watched(String path, IntSupplier call) {
        HandlerWatchdog.Watch watch = watchdog.watch(path);
        int result;
        try {
            result = call.getAsInt();
        } catch (RuntimeException e) {
            throw watch.failed(e);
        } catch (Error e) {
            // A StackOverflowError of an abandoned call is still just an abandoned call.
            if (watch.end()) {
                throw new ProcException(Errno.EIO, path + ": handler abandoned after the handler timeout");
            }
            throw e;
        }
        return watch.done(result);
    }

    /** Number of open handles, for leak checks. */
    public int size() {
        return handles.size();
    }
}
