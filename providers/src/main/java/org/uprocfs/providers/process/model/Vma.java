package org.uprocfs.providers.process.model;

/**
 * One mapping of maps and smaps: the address range, perms such as {@code r-xp}, file offset, device, inode
 * and name ("" anonymous, a path, {@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code [vvar]},
 * {@code [vsyscall]}), and the smaps page counts in kB.
 */
public record Vma(long start, long end, String perms, long offset, int devMajor, int devMinor, long inode,
        String name, long rssKb, long pssKb, long sharedCleanKb, long sharedDirtyKb, long privateCleanKb,
        long privateDirtyKb, long anonymousKb, long swapKb) {

    public Vma {
        if (end <= start || (start & 0xfff) != 0 || (end & 0xfff) != 0) {
            throw new IllegalArgumentException("bad range " + Long.toHexString(start) + "-" + Long.toHexString(end));
        }
        if (perms.length() != 4) {
            throw new IllegalArgumentException("perms " + perms);
        }
        if (sharedCleanKb + sharedDirtyKb + privateCleanKb + privateDirtyKb != rssKb || anonymousKb > rssKb
                || rssKb > sizeKb(start, end) || pssKb > rssKb) {
            throw new IllegalArgumentException("page counts of " + name + " do not add up");
        }
    }

    /** The size in kB, smaps' Size line. */
    public long sizeKb() {
        return sizeKb(start, end);
    }

    /** Whether this is the gate area {@code [vsyscall]}, which maps shows but the mm does not count. */
    public boolean gate() {
        return "[vsyscall]".equals(name);
    }

    /** Whether the mapping is readable, writable, executable, shared: the four perms letters. */
    public boolean readable() {
        return perms.charAt(0) == 'r';
    }

    /** Whether the mapping may be written. */
    public boolean writable() {
        return perms.charAt(1) == 'w';
    }

    /** Whether the mapping may be executed. */
    public boolean executable() {
        return perms.charAt(2) == 'x';
    }

    /** Whether the mapping is shared ({@code s}) rather than private copy-on-write ({@code p}). */
    public boolean shared() {
        return perms.charAt(3) == 's';
    }

    /** Whether this is the main thread's stack, which the kernel counts as stack_vm, not data_vm. */
    public boolean stack() {
        return "[stack]".equals(name);
    }

    private static long sizeKb(long start, long end) {
        return (end - start) >> 10;
    }
}
