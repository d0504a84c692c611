package org.uprocfs.core.module;

import java.util.List;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.entry.ProcEntry;
import org.uprocfs.core.entry.ProcFile;
import org.uprocfs.core.entry.ProcSymlink;
import org.uprocfs.core.tree.ProcTree;

/** The children of a fixed directory, found afresh at every lookup, served below another directory. */
final class DirectoryView implements DirectoryOps {
    private final ProcTree tree;
    private final String path;

    DirectoryView(ProcTree tree, String path) {
        this.tree = tree;
        this.path = path;
    }

    @Override
    public Node lookup(String name, Caller caller) {
        ProcDirectory dir = directory(caller);
        ProcEntry child = dir == null ? null : dir.child(name, caller);
        if (child == null) {
            return null;
        }
        int mode = child.attributes().mode();
        int uid = child.attributes().uid();
        int gid = child.attributes().gid();
        if (child instanceof ProcDirectory) {
            return new Node.Dir(mode, uid, gid, new DirectoryView(tree, child.path()));
        }
        if (child instanceof ProcFile file) {
            return new Node.File(mode, uid, gid, file.handlers());
        }
        ProcSymlink link = (ProcSymlink) child;
        return new Node.Link(mode, uid, gid, link::target);
    }

    @Override
    public List<String> names(Caller caller) {
        ProcDirectory dir = directory(caller);
        return dir == null ? List.of() : dir.names(caller);
    }

    @Override
    public int subdirectories(Caller caller) {
        ProcDirectory dir = directory(caller);
        return dir == null ? 0 : dir.linkCount(caller) - 2;
    }

    /** The directory now, or null while nothing is there (its module unloaded). */
    private ProcDirectory directory(Caller caller) {
        try {
            return tree.lookup(path, caller) instanceof ProcDirectory dir ? dir : null;
        } catch (ProcException missing) {
            return null;
        }
    }
}
