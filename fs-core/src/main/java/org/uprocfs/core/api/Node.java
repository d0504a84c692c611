package org.uprocfs.core.api;


/** What a computed child is: the core turns it into a short-lived entry for one path operation. */
public sealed interface Node permits Node.Dir, Node.File, Node.Link {

    /** Permission bits. */
    int mode();

    /** Owner. */
    int uid();

    /** Group. */
    int gid();

    /** A directory whose children are computed in turn. */
    record Dir(int mode, int uid, int gid, DirectoryOps children) implements Node {
    }

    /** A regular file answered by handlers. */
    record File(int mode, int uid, int gid, ProcHandlers handlers) implements Node {
    }

    /** A symbolic link; its mode shows in ls -l ({@code lr-x------} for a read-only fd), as in /proc/PID/fd. */
    record Link(int mode, int uid, int gid, LinkTarget target) implements Node {
    }

    /** A root-owned directory. */
    static Dir dir(int mode, DirectoryOps children) {
        return new Dir(mode, 0, 0, children);
    }

    /** A root-owned file. */
    static File file(int mode, ProcHandlers handlers) {
        return new File(mode, 0, 0, handlers);
    }

    /** A root-owned link with mode 0777. */
    static Link link(LinkTarget target) {
        return new Link(0777, 0, 0, target);
    }
}
