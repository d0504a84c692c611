#!/usr/bin/env python3
"""A static copy of the files ps, top and psutil read from a procfs mount, for the C reference file system.

    procsnap.py MOUNT DEST

Copies the fixed files they read at the top (stat, meminfo, uptime, loadavg, cpuinfo, tty/drivers and two
sysctls) and, for every pid directory listed at that moment, stat, status, statm, cmdline, environ, comm,
io, smaps_rollup, the exe, cwd and root links, the fd/ links, and the same files of every task/TID.
Modes are copied; owners too, since ps and top read a process's user from its directory's owner. The
copier's own pid (a visitor of the mount) is left out. A file that opens but fails to read (environ of a
kernel thread: ESRCH) is copied empty and listed with its errno in .read-errors, for cfs to answer the
same. Prints the number of pid directories copied.
"""
import os
import shutil
import sys

TOP_FILES = ["stat", "meminfo", "uptime", "loadavg", "cpuinfo", "tty/drivers", "sys/kernel/pid_max",
             "sys/kernel/osrelease"]
PID_FILES = ["stat", "status", "statm", "cmdline", "environ", "comm", "io", "smaps_rollup"]
PID_LINKS = ["exe", "cwd", "root"]


def copy_meta(src, dst):
    try:
        st = os.lstat(src)
    except OSError:
        return False
    os.chown(dst, st.st_uid, st.st_gid, follow_symlinks=False)
    if not os.path.islink(dst):
        os.chmod(dst, st.st_mode & 0o7777)
    return True


READ_ERRORS = []  # (path in the copy, errno) of files that open but fail on read, as environ of a kernel thread


def copy_file(src, dst, dest_root=None):
    try:
        f = open(src, "rb", buffering=0)
    except OSError:
        return  # cannot be opened or gone: the copy has no such file, a reader gets ENOENT
    data = b""
    try:
        while True:
            chunk = f.read(131072)
            if not chunk:
                break
            data += chunk
    except OSError as e:
        # Opens but a read fails: an empty file, and cfs answers its reads with the same errno.
        data = b""
        if dest_root is not None:
            READ_ERRORS.append((os.path.relpath(dst, dest_root), e.errno))
    finally:
        f.close()
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "wb") as out:
        out.write(data)
    copy_meta(src, dst)


def copy_link(src, dst):
    try:
        target = os.readlink(src)
    except OSError:
        return
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    os.symlink(target, dst)
    copy_meta(src, dst)


def copy_task(src, dst, files, links, dest_root):
    os.makedirs(dst, exist_ok=True)
    for name in files:
        copy_file(os.path.join(src, name), os.path.join(dst, name), dest_root)
    for name in links:
        copy_link(os.path.join(src, name), os.path.join(dst, name))
    fd = os.path.join(src, "fd")
    try:
        fds = os.listdir(fd)
    except OSError:
        fds = None
    if fds is not None:
        os.makedirs(os.path.join(dst, "fd"), exist_ok=True)
        for name in fds:
            copy_link(os.path.join(fd, name), os.path.join(dst, "fd", name))
        copy_meta(fd, os.path.join(dst, "fd"))


def main():
    mount, dest = sys.argv[1], sys.argv[2]
    for name in TOP_FILES:
        copy_file(os.path.join(mount, name), os.path.join(dest, name))
    me = str(os.getpid())
    copied = 0
    for name in os.listdir(mount):
        if not name.isdigit() or name == me:
            continue
        src, dst = os.path.join(mount, name), os.path.join(dest, name)
        copy_task(src, dst, PID_FILES, PID_LINKS, dest)
        try:
            tids = os.listdir(os.path.join(src, "task"))
        except OSError:
            tids = []
        for tid in tids:
            copy_task(os.path.join(src, "task", tid), os.path.join(dst, "task", tid), PID_FILES, PID_LINKS, dest)
        if tids:
            copy_meta(os.path.join(src, "task"), os.path.join(dst, "task"))
        if not os.path.exists(os.path.join(dst, "stat")) or not copy_meta(src, dst):
            shutil.rmtree(dst)  # exited while being copied
            continue
        copied += 1
    with open(os.path.join(dest, ".read-errors"), "w") as out:
        for path, number in READ_ERRORS:
            if os.path.exists(os.path.join(dest, path)):
                out.write("/%s %d\n" % (path, number))
    # Listed as on the mount; cfs answers both links for each caller.
    os.symlink("self-is-served-by-cfs", os.path.join(dest, "self"))
    os.symlink("thread-self-is-served-by-cfs", os.path.join(dest, "thread-self"))
    print(copied)


main()
