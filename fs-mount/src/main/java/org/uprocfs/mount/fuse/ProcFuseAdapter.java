package org.uprocfs.mount.fuse;

import java.util.concurrent.CountDownLatch;
import jnr.ffi.Pointer;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.api.Caller;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.FuseOperations;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/** The jnr-fuse callbacks: each converts types, calls the {@link ProcFs} facade through the barrier, and nothing more. */
public final class ProcFuseAdapter extends FuseStubFS {
    private final ProcFs fs;
    private final CountDownLatch initialised = new CountDownLatch(1);
    private final CallerSource callers = new CallerSource(this::getContext);

    public ProcFuseAdapter(ProcFs fs) {
        this.fs = fs;
        // jnr-fuse wraps fuse_file_info in a new Struct per call; the per-open callbacks take it raw instead.
        fuseOperations.open.set(this::open);
        fuseOperations.read.set(this::read);
        fuseOperations.write.set(this::write);
        fuseOperations.release.set(this::release);
    }

    /** Counted down when the kernel has sent FUSE_INIT: the mount answers from then on. */
    public CountDownLatch initialised() {
        return initialised;
    }

    /** The operations table libfuse calls, for {@code fuse_setup}. */
    public FuseOperations operations() {
        return fuseOperations;
    }

    @Override
    public Pointer init(Pointer conn) {
        FuseBarrier.run("init", "/", () -> ConnectionInfo.wantAtomicOpenTruncate(conn));
        initialised.countDown();
        return null;
    }

    @Override
    public int getattr(String path, FileStat stat) {
        return FuseBarrier.run("getattr", path, () -> StatFiller.fill(fs.stat(path, caller()), stat));
    }

    @Override
    public int readlink(String path, Pointer buf, @size_t long size) {
        return FuseBarrier.run("readlink", path, () -> LinkWriter.write(fs.readlink(path, caller()), buf, size));
    }

    @Override
    public int opendir(String path, FuseFileInfo fi) {
        return FuseBarrier.run("opendir", path, () -> fs.openDirectory(path, caller()));
    }

    @Override
    public int readdir(String path, Pointer buf, FuseFillDir filter, @off_t long offset, FuseFileInfo fi) {
        return FuseBarrier.run("readdir", path, () -> DirectoryFiller.fill(fs.list(path, caller()), buf, filter));
    }

    int open(String path, Pointer fi) {
        return FuseBarrier.run("open", path, () -> FileInfo.setHandle(fi, fs.open(path, FileInfo.flags(fi), caller())));
    }

    int read(String path, Pointer buf, @size_t long size, @off_t long offset, Pointer fi) {
        return FuseBarrier.call("read", path, () -> fs.read(FileInfo.handle(fi), offset, (int) size, buf::put));
    }

    int write(String path, Pointer buf, @size_t long size, @off_t long offset, Pointer fi) {
        return FuseBarrier.call("write", path, () -> fs.write(FileInfo.handle(fi), offset, copyIn(buf, size)));
    }

    int release(String path, Pointer fi) {
        return FuseBarrier.run("release", path, () -> fs.release(FileInfo.handle(fi)));
    }

    @Override
    public int truncate(String path, @off_t long size) {
        return FuseBarrier.run("truncate", path, () -> fs.truncate(path, caller()));
    }

    @Override
    public int access(String path, int mask) {
        return FuseBarrier.run("access", path, () -> fs.access(path, mask, caller()));
    }

    @Override
    public int chmod(String path, @mode_t long mode) {
        return FuseBarrier.run("chmod", path, () -> fs.chmod(path, (int) mode, caller()));
    }

    @Override
    public int chown(String path, long uid, long gid) {
        return FuseBarrier.run("chown", path, () -> fs.chown(path, (int) uid, (int) gid, caller()));
    }

    @Override
    public int utimens(String path, Timespec[] timespec) {
        return FuseBarrier.run("utimens", path, () -> fs.touch(path, caller()));
    }

    @Override
    public int mkdir(String path, @mode_t long mode) {
        return FuseBarrier.run("mkdir", path, () -> fs.refuseCreate(path));
    }

    @Override
    public int mknod(String path, @mode_t long mode, long rdev) {
        return FuseBarrier.run("mknod", path, () -> fs.refuseCreate(path));
    }

    @Override
    public int create(String path, @mode_t long mode, FuseFileInfo fi) {
        return FuseBarrier.run("create", path, () -> fs.refuseCreate(path));
    }

    @Override
    public int symlink(String target, String path) {
        return FuseBarrier.run("symlink", path, () -> fs.refuseCreate(path));
    }

    @Override
    public int link(String existing, String path) {
        return FuseBarrier.run("link", path, () -> fs.refuseCreate(path));
    }

    @Override
    public int unlink(String path) {
        return FuseBarrier.run("unlink", path, () -> fs.refuseRemove(path));
    }

    @Override
    public int rmdir(String path) {
        return FuseBarrier.run("rmdir", path, () -> fs.refuseRemove(path));
    }

    @Override
    public int rename(String from, String to) {
        return FuseBarrier.run("rename", from, () -> fs.refuseRename(from, to));
    }

    @Override
    public int statfs(String path, Statvfs stbuf) {
        return FuseBarrier.run("statfs", path, () -> StatfsFiller.fill(stbuf));
    }

    private Caller caller() {
        return callers.current();
    }

    private static byte[] copyIn(Pointer buf, long size) {
        byte[] data = new byte[(int) size];
        buf.get(0, data, 0, data.length);
        return data;
    }

    @Override
    protected String getFSName() {
        return "uprocfs";
    }
}
