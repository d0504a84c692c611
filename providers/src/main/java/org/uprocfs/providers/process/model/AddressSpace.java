package org.uprocfs.providers.process.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * Lays out one process's x86-64 address space the way a PIE binary with glibc gets it: the executable's
 * five segments, the heap, thread stacks and anonymous arenas below the libraries, the stack with argv and
 * environment at its top, then vvar, vdso and the vsyscall gate. Sizes stay fixed for the process's life;
 * resident pages move with a slow wave and are poured into the mappings so the sums come out exact.
 */
final class AddressSpace {
    private static final long PAGE = 4096;
    private static final long STACK_KB = 132;
    private static final long THREAD_STACK_KB = 8192;

    /** A shared library: its path and the sizes in kB of its header, text, rodata and data segments. */
    private record Library(String path, long headerKb, long textKb, long rodataKb, long dataKb) {
    }

    private static final Library LD = new Library("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", 4, 156, 40, 8);
    private static final Library LIBC = new Library("/usr/lib/x86_64-linux-gnu/libc.so.6", 160, 1620, 352, 24);
    private static final List<Library> EXTRA = List.of(
            new Library("/usr/lib/x86_64-linux-gnu/libm.so.6", 56, 504, 432, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libsystemd.so.0", 72, 628, 244, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libcap.so.2", 12, 20, 12, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libcrypto.so.3", 872, 2692, 904, 340),
            new Library("/usr/lib/x86_64-linux-gnu/libz.so.1.3", 12, 80, 28, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libzstd.so.1.5.5", 16, 708, 80, 8),
            new Library("/usr/lib/x86_64-linux-gnu/liblzma.so.5.4.5", 12, 100, 44, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libselinux.so.1", 20, 100, 36, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libpcre2-8.so.0.11.2", 8, 436, 180, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libgcc_s.so.1", 12, 92, 16, 8),
            new Library("/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33", 624, 1164, 584, 48),
            new Library("/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0.8000.0", 124, 720, 504, 8));

    private final List<Vma> vmas = new ArrayList<>();
    private final Population.RootDevice dev;

    private AddressSpace(Population.RootDevice dev) {
        this.dev = dev;
    }

    /**
     * The mappings of one process as far as they do not depend on the instant: every range, the file pages
     * poured, sorted by address, and where the anonymous pages go (indexes into the sorted list, with each
     * slot's capacity). Only the resident anonymous total moves with time, so a process's skeleton is laid
     * once (it derives from the process's fixed description, argv and environ alone) and each record pours
     * the anonymous pages of its instant into a copy.
     */
    record Skeleton(List<Vma> vmas, int[] anonIndex, long[] anonCapacity, long anonMax, MemoryLayout layout,
            long peakKb, long rssMaxKb, long pteKb, Poured[] last) {

        Skeleton(List<Vma> vmas, int[] anonIndex, long[] anonCapacity, long anonMax, MemoryLayout layout,
                long peakKb, long rssMaxKb, long pteKb) {
            this(vmas, anonIndex, anonCapacity, anonMax, layout, peakKb, rssMaxKb, pteKb, new Poured[1]);
        }

        ProcessMemory at(long anonNowKb) {
            // The resident total moves slowly: records of neighbouring instants often pour the same.
            Poured last = this.last[0];
            if (last != null && last.anonKb() == anonNowKb) {
                return last.memory();
            }
            ProcessMemory memory = pour(anonNowKb);
            this.last[0] = new Poured(anonNowKb, memory);
            return memory;
        }

        private ProcessMemory pour(long anonNowKb) {
            List<Vma> poured = new ArrayList<>(vmas);
            long left = anonNowKb;
            for (int i = 0; i < anonIndex.length; i++) {
                long take = Math.min(left, anonCapacity[i]);
                left -= take;
                Vma v = poured.get(anonIndex[i]);
                poured.set(anonIndex[i], new Vma(v.start(), v.end(), v.perms(), v.offset(), v.devMajor(),
                        v.devMinor(), v.inode(), v.name(), take, take, 0, 0, 0, take, take, 0));
            }
            if (left > 0) {
                throw new IllegalStateException(left + " kB of anonymous memory found no mapping");
            }
            return ProcessMemory.of(poured, layout, peakKb, rssMaxKb, 0, pteKb);
        }
    }

    /** The memory of one resident anonymous total; replaced whole, so a reader sees a matching pair. */
    record Poured(long anonKb, ProcessMemory memory) {
    }

    /** The address space of {@code m} at {@code t}, or null for a task without one. */
    static ProcessMemory build(Population population, Member m, long t, List<String> argv, List<String> environ) {
        Skeleton skeleton = m.addressSpace;
        if (skeleton == null) {
            // Two threads may lay it at once; both get the same, and either one is kept.
            skeleton = new AddressSpace(population.root).lay(m, argv, environ);
            m.addressSpace = skeleton;
        }
        double wave = Noise.wave(Noise.key(m.key, "rss", 0), t / 1e9);
        long anonMax = skeleton.anonMax();
        long anonNow = Math.min(anonMax, Math.max(0, (long) Math.floor(m.anonKb * (1 + Population.RSS_WOBBLE * wave))));
        return skeleton.at(anonNow);
    }

    private Skeleton lay(Member m, List<String> argv, List<String> environ) {
        long key = Noise.key(m.key, "mm", 0);
        long anonMax = (long) Math.ceil(m.anonKb * (1 + Population.RSS_WOBBLE));
        int threads = m.threadCount();

        // The executable: header, text, rodata, relro and data, mapped from the root file system.
        long exeTextKb = pages(Math.max(16, Math.min(30_000, m.fileKb * 0.3)));
        long exeBase = 0x5500_0000_0000L + ((long) (Noise.unit(key, 1) * 0xa_ffff_ffL) << 12);
        long exeInode = inode(m.exe);
        List<long[]> fileSlots = new ArrayList<>();
        List<long[]> anonSlots = new ArrayList<>();
        long at = exeBase;
        long headerKb = pages(8 + exeTextKb / 10);
        long startCode = at;
        at = file(at, headerKb, "r--p", 0, m.exe, exeInode, fileSlots);
        at = file(at, exeTextKb, "r-xp", headerKb, m.exe, exeInode, fileSlots);
        long endCode = at - 0x10 - ((long) (Noise.unit(key, 2) * 0x800) & ~0xfL);
        long rodataKb = pages(exeTextKb * 0.4 + 4);
        at = file(at, rodataKb, "r--p", headerKb + exeTextKb, m.exe, exeInode, fileSlots);
        long startData = at + 0x10;
        long relroKb = pages(8);
        at = file(at, relroKb, "r--p", headerKb + exeTextKb + rodataKb, m.exe, exeInode, fileSlots);
        long dataKb = pages(4 + Noise.unit(key, 3) * 28);
        at = anonFile(at, dataKb, headerKb + exeTextKb + rodataKb + relroKb, m.exe, exeInode, anonSlots);
        long endData = at - 0x20;

        // The fixed anonymous pieces; what is left of the wave's maximum goes to the heap and one arena.
        long fixedAnon = STACK_KB + dataKb + (threads - 1) * 64L + 8L * 3;
        long heapKb = pages(Math.max(132, (anonMax - Math.min(anonMax, fixedAnon)) * 0.4));
        long arenaKb = pages(Math.max(1024, anonMax - heapKb + 1024));
        long heapStart = align(at + 0x1000 + ((long) (Noise.unit(key, 4) * 0x1ff_ffffL) << 12));
        long heapEnd = heapStart + heapKb * 1024;
        anonSlots.add(new long[] {vmaIndex(), heapKb});
        vmas.add(placeholder(heapStart, heapEnd, "rw-p", "[heap]"));

        // Below the libraries: the shared segment, the arena and one guarded 8 MiB stack per extra thread.
        long mmapTop = 0x7f00_0000_0000L + ((long) (Noise.unit(key, 5) * 0xff_ffffL) << 12);
        long vsizeFixed = headerKb + exeTextKb + rodataKb + relroKb + dataKb + heapKb + STACK_KB + 16 + 8
                + (threads - 1) * (THREAD_STACK_KB + 4);
        long libsKb = LD.headerKb + LD.textKb + LD.rodataKb + LD.dataKb + 8 + LIBC.headerKb + LIBC.textKb
                + LIBC.rodataKb + LIBC.dataKb + 16;
        List<Library> libs = libraries(key);
        for (Library l : libs) {
            libsKb += l.headerKb + l.textKb + l.rodataKb + l.dataKb + 8;
        }
        long extraKb = pages(Math.max(0, m.vsizeKb - vsizeFixed - libsKb - arenaKb - m.shmemKb));
        long lowKb = m.shmemKb + arenaKb + extraKb + (threads - 1) * (THREAD_STACK_KB + 4);
        at = align(mmapTop - (lowKb + libsKb + m.fileKb + 4096) * 1024);
        long shmemSlot = -1;
        if (m.shmemKb > 0) {
            shmemSlot = vmaIndex();
            String name = "postgres".equals(m.comm) ? "/dev/zero (deleted)" : "/dev/shm/" + m.comm + "-shm";
            long end = at + pages(m.shmemKb) * 1024;
            vmas.add(new Vma(at, end, "rw-s", 0, 0, 1, 1024 + (m.key & 0xffff), name, m.shmemKb, m.shmemKb / 2,
                    0, m.shmemKb, 0, 0, 0, 0));
            at = end;
        }
        if (extraKb > 0) {
            // Reserved but untouched address space (a JVM heap, a database's mmap), never resident.
            long end = at + extraKb * 1024;
            vmas.add(new Vma(at, end, "---p", 0, 0, 0, 0, "", 0, 0, 0, 0, 0, 0, 0, 0));
            at = end;
        }
        for (int k = 1; k < threads; k++) {
            vmas.add(new Vma(at, at + PAGE, "---p", 0, 0, 0, 0, "", 0, 0, 0, 0, 0, 0, 0, 0));
            at += PAGE;
            anonSlots.add(new long[] {vmaIndex(), 64});
            vmas.add(placeholder(at, at + THREAD_STACK_KB * 1024, "rw-p", ""));
            at += THREAD_STACK_KB * 1024;
        }
        anonSlots.add(new long[] {vmaIndex(), arenaKb});
        vmas.add(placeholder(at, at + arenaKb * 1024, "rw-p", ""));
        at += arenaKb * 1024;

        // Libraries, then a file of plain data (locale-archive) big enough for the rest of the file pages.
        for (Library l : libs) {
            at = library(at, l, fileSlots, anonSlots);
        }
        at = library(at, LIBC, fileSlots, anonSlots);
        long mappedFile = 0;
        for (long[] s : fileSlots) {
            mappedFile += s[1];
        }
        long localeKb = pages(Math.max(2996, m.fileKb - mappedFile + 4));
        fileSlots.add(new long[] {vmaIndex(), localeKb});
        String locale = "/usr/lib/locale/locale-archive";
        vmas.add(placeholderFile(at, at + localeKb * 1024, "r--p", 0, locale));
        at += localeKb * 1024;
        at = library(at, LD, fileSlots, anonSlots);
        if (at > mmapTop) {
            throw new IllegalStateException("address space of " + m.comm + " overruns its mmap area");
        }

        // The stack with argv and environ at its top, then vvar, vdso and the gate.
        long stackTop = 0x7ffc_0000_0000L + ((long) (Noise.unit(key, 6) * 0x3_ffffL) << 12) + 0x10_0000L;
        long stackStart = stackTop - STACK_KB * 1024;
        long envEnd = stackTop - 0x20 - ((long) (Noise.unit(key, 7) * 0x400) & ~0xfL);
        long envStart = envEnd - bytes(environ);
        long argEnd = envStart;
        long argStart = argEnd - bytes(argv);
        long startStack = (argStart - 0x300) & ~0xfL;
        anonSlots.add(0, new long[] {vmaIndex(), STACK_KB});
        vmas.add(placeholder(stackStart, stackTop, "rw-p", "[stack]"));
        long vvar = stackTop + 0x20_0000L + ((long) (Noise.unit(key, 8) * 0xff) << 12);
        vmas.add(new Vma(vvar, vvar + 0x4000, "r--p", 0, 0, 0, 0, "[vvar]", 0, 0, 0, 0, 0, 0, 0, 0));
        vmas.add(new Vma(vvar + 0x4000, vvar + 0x6000, "r-xp", 0, 0, 0, 0, "[vdso]", 4, 0, 4, 0, 0, 0, 0, 0));
        vmas.add(new Vma(0xffff_ffff_ff60_0000L, 0xffff_ffff_ff60_1000L, "--xp", 0, 0, 0, 0, "[vsyscall]", 0, 0, 0,
                0, 0, 0, 0, 0));

        pourFile(fileSlots, m.fileKb, m.tids.length > 0 && m.role != Member.Role.CHURN);
        // Sorted by address once; the anonymous slots follow their mappings to the sorted places.
        Integer[] order = new Integer[vmas.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compareUnsigned(vmas.get(a).start(), vmas.get(b).start()));
        int[] placeOf = new int[order.length];
        List<Vma> sorted = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            placeOf[order[i]] = i;
            sorted.add(vmas.get(order[i]));
        }
        int[] anonIndex = new int[anonSlots.size()];
        long[] anonCapacity = new long[anonSlots.size()];
        for (int i = 0; i < anonIndex.length; i++) {
            anonIndex[i] = placeOf[(int) anonSlots.get(i)[0]];
            anonCapacity[i] = anonSlots.get(i)[1];
        }
        long rssMax = anonMax + m.fileKb + m.shmemKb + 4;
        long pteKb = 4 * ((rssMax + 2047) / 2048 + 4 + vmas.size() / 16);
        long peak = (long) (sizeOf() * (1 + 0.08 * Noise.unit(key, 9)));
        MemoryLayout layout = new MemoryLayout(startCode, endCode, startData, endData, heapStart, heapEnd,
                startStack, argStart, argEnd, envStart, envEnd);
        return new Skeleton(List.copyOf(sorted), anonIndex, anonCapacity, anonMax, layout, peak, rssMax, pteKb);
    }

    private long sizeOf() {
        long kb = 0;
        for (Vma v : vmas) {
            kb += v.gate() ? 0 : v.sizeKb();
        }
        return kb;
    }

    private List<Library> libraries(long key) {
        int n = 1 + (int) (Noise.unit(key, 10) * 5);
        List<Library> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Library l = EXTRA.get((int) (Noise.unit(key, 11 + i) * EXTRA.size()));
            if (!out.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    private long library(long at, Library l, List<long[]> fileSlots, List<long[]> anonSlots) {
        long inode = inode(l.path);
        long off = 0;
        at = file(at, l.headerKb, "r--p", off, l.path, inode, fileSlots);
        off += l.headerKb;
        at = file(at, l.textKb, "r-xp", off, l.path, inode, fileSlots);
        off += l.textKb;
        at = file(at, l.rodataKb, "r--p", off, l.path, inode, fileSlots);
        off += l.rodataKb;
        at = file(at, 8, "r--p", off, l.path, inode, fileSlots);
        at = anonFile(at, l.dataKb, off + 8, l.path, inode, anonSlots);
        return at + PAGE;
    }

    private long file(long at, long kb, String perms, long offsetKb, String path, long inode, List<long[]> slots) {
        slots.add(new long[] {vmaIndex(), kb});
        vmas.add(new Vma(at, at + kb * 1024, perms, offsetKb * 1024, dev.major(), dev.minor(), inode, path, 0, 0, 0,
                0, 0, 0, 0, 0));
        return at + kb * 1024;
    }

    /** A private writable file mapping: its touched pages are copies, so smaps counts them anonymous. */
    private long anonFile(long at, long kb, long offsetKb, String path, long inode, List<long[]> slots) {
        slots.add(new long[] {vmaIndex(), kb});
        vmas.add(new Vma(at, at + kb * 1024, "rw-p", offsetKb * 1024, dev.major(), dev.minor(), inode, path, 0, 0, 0,
                0, 0, 0, 0, 0));
        return at + kb * 1024;
    }

    private Vma placeholder(long start, long end, String perms, String name) {
        return new Vma(start, end, perms, 0, 0, 0, 0, name, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private Vma placeholderFile(long start, long end, String perms, long offset, String path) {
        return new Vma(start, end, perms, offset, dev.major(), dev.minor(), inode(path), path, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Spreads the file pages over the file mappings in order; library pages are shared with other processes. */
    private void pourFile(List<long[]> slots, long kb, boolean shared) {
        long left = kb;
        for (long[] s : slots) {
            long take = Math.min(left, s[1]);
            left -= take;
            Vma v = vmas.get((int) s[0]);
            boolean lib = !v.name().contains("locale") && shared;
            vmas.set((int) s[0], new Vma(v.start(), v.end(), v.perms(), v.offset(), v.devMajor(), v.devMinor(),
                    v.inode(), v.name(), take, lib ? take / 4 : take, lib ? take : 0, 0, lib ? 0 : take, 0, 0, 0));
        }
    }

    private int vmaIndex() {
        return vmas.size();
    }

    /** A path's inode on the root file system, the same in every process that maps it. */
    static long inode(String path) {
        return 100_000 + Math.floorMod(Noise.mix(path.hashCode()), 4_000_000L);
    }

    private static long bytes(List<String> strings) {
        long n = 0;
        for (String s : strings) {
            n += s.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return n;
    }

    private static long pages(double kb) {
        return ((long) Math.ceil(kb) + 3) & ~3L;
    }

    private static long align(long address) {
        return address & ~(PAGE - 1);
    }
}
