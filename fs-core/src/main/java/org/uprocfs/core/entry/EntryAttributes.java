package org.uprocfs.core.entry;

/** Permission bits and owner of an entry; replaced whole on chmod/chown so readers never see half a change. */
public record EntryAttributes(int mode, int uid, int gid) {

    public EntryAttributes {
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("mode has bits outside 07777: " + Integer.toOctalString(mode));
        }
    }

    /** The same owner with new permission bits. */
    public EntryAttributes withMode(int newMode) {
        return new EntryAttributes(newMode & 07777, uid, gid);
    }

    /** The same mode with a new owner; -1 keeps a field, as chown(2) does. */
    public EntryAttributes withOwner(int newUid, int newGid) {
        return new EntryAttributes(mode, newUid == -1 ? uid : newUid, newGid == -1 ? gid : newGid);
    }
}
