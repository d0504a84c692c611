package org.uprocfs.core.io;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.uprocfs.core.Errno;
import org.uprocfs.core.ProcException;
import org.uprocfs.core.entry.ProcEntry;
import org.uprocfs.core.entry.ProcFile;

/** The handle table: FUSE's {@code fh} number to the open file, freed on release. */
public final class OpenFileTable {
    private final ConcurrentHashMap<Long, OpenFile> handles = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    private final SeqBufferPool buffers;

    public OpenFileTable(long renderCap) {
        // Enough buffers for every libfuse worker thread; small ones only, so big renders do not stay resident.
        this.buffers = new SeqBufferPool(16, renderCap, 16 * SeqBuffer.PAGE_SIZE);
    }

    /** Opens a file and returns its handle number. */
    public long open(ProcFile file, OpenRequest request) {
        OpenFile open = new OpenFile(file, request, buffers);
        long handle = nextHandle.getAndIncrement();
        handles.put(handle, open);
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

    /** Reads through a handle. */
    public int read(long handle, long offset, int size, ReadSink sink) {
        return get(handle).read(offset, size, sink);
    }

    /** Writes through a handle. */
    public int write(long handle, long offset, byte[] data) {
        return get(handle).write(offset, data);
    }

    /** Frees a handle; unknown handles are ignored, as release cannot fail. */
    public void release(long handle) {
        OpenFile open = handles.remove(handle);
        if (open != null) {
            open.close();
            open.recycle();
        }
    }

    /** Closes the sessions of handles on an entry that was removed, so blocked readers wake with EIO. */
    public void entryRemoved(ProcEntry entry) {
        for (OpenFile open : handles.values()) {
            if (open.file() == entry) {
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

    /** Number of open handles, for leak checks. */
    public int size() {
        return handles.size();
    }
}
