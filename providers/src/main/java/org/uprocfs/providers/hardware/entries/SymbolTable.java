package org.uprocfs.providers.hardware.entries;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.PciDevice;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * A plausible kernel symbol table computed symbol by symbol from the seed: nothing is stored, symbol
 * {@code i} is a pure function of (seed, i), and addresses rise with {@code i} as kallsyms sorts them.
 */
final class SymbolTable {
    /** Symbols of the core image; with the modules' this makes roughly 5 MiB of text. */
    static final int CORE_SYMBOLS = 110_000;
    static final int SYMBOLS_PER_MODULE = 300;
    private static final long KERNEL_TEXT = 0xffffffff81000000L;
    private static final long MODULES_BASE = 0xffffffffc0000000L;

    private static final String[] SUBSYSTEMS = {"acpi", "ata", "blk", "bpf", "cgroup", "cpufreq", "crypto", "dev",
        "dma", "drm", "ext4", "fib", "fs", "hrtimer", "inet", "iommu", "ipv6", "irq", "kernfs", "kmem", "kobject",
        "ksys", "mm", "mutex", "napi", "netif", "nfs", "page", "pci", "perf", "pm", "proc", "rcu", "sched",
        "security", "seq", "shmem", "skb", "sock", "sysfs", "tcp", "tick", "tty", "udp", "usb", "vfs", "x86", "xfs"};
    private static final String[] VERBS = {"alloc", "free", "init", "exit", "get", "put", "read", "write", "update",
        "find", "lookup", "register", "unregister", "create", "destroy", "start", "stop", "handle", "queue", "flush",
        "sync", "attach", "detach", "enable", "disable", "set", "clear", "show", "store", "open", "release", "probe",
        "remove", "map", "unmap", "lock", "unlock", "wait", "wake"};
    private static final String[] NOUNS = {"buffer", "page", "entry", "node", "device", "state", "context", "queue",
        "work", "timer", "request", "table", "range", "cache", "region", "event", "stats", "config", "info", "ops",
        "list", "group", "slot", "chain", "zone", "inode", "dentry", "file", "sock", "irq", "desc", "task", "cpu",
        "mask", "ring", "frame", "packet"};
    private static final String[] SUFFIXES = {".cold", ".isra.0", ".constprop.0", ".part.0"};
    private static final String[] EXTRA_MODULES = {"nvme_core", "mac80211", "cfg80211", "drm_kms_helper",
        "snd_hda_codec", "snd_pcm", "fuse", "overlay"};

    /** One line of kallsyms: address, type letter, name, and the module or null for the core image. */
    record Symbol(long address, char type, String name, String module) {
    }

    private final long key;
    private final List<String> modules;

    SymbolTable(Machine machine, long seed) {
        this.key = Noise.key(seed, "kallsyms", 0);
        Set<String> names = new LinkedHashSet<>();
        for (PciDevice device : machine.spec().pci()) {
            if (!device.driver().isEmpty() && !"pcieport".equals(device.driver())) {
                names.add(device.driver().replace('-', '_'));
            }
        }
        names.addAll(List.of(EXTRA_MODULES));
        this.modules = List.copyOf(names);
    }

    long size() {
        return CORE_SYMBOLS + (long) modules.size() * SYMBOLS_PER_MODULE;
    }

    Symbol symbol(long index) {
        long h = Noise.mix(key + index);
        String name = name(h, index);
        if (index < CORE_SYMBOLS) {
            // Each symbol starts 1..127 bytes after the previous slot, so addresses strictly rise.
            long address = KERNEL_TEXT + index * 128 + (h & 0x7f);
            return new Symbol(address, coreType(index, h), name, null);
        }
        long local = index - CORE_SYMBOLS;
        int module = (int) (local / SYMBOLS_PER_MODULE);
        long address = MODULES_BASE + module * 0x100000L + (local % SYMBOLS_PER_MODULE) * 128 + (h & 0x7f);
        // Exported module symbols are upper case, local ones lower case, as s_show folds them.
        char type = (h >>> 40) % 5 == 0 ? 'T' : (h >>> 40) % 7 == 0 ? 'd' : 't';
        return new Symbol(address, type, modules.get(module) + "_" + name, modules.get(module));
    }

    /** Text first, then read-only data, data and bss, as the kernel image is laid out. */
    private static char coreType(long index, long h) {
        boolean global = (h >>> 48) % 5 < 2;
        double at = index / (double) CORE_SYMBOLS;
        char type = at < 0.72 ? 't' : at < 0.82 ? 'r' : at < 0.94 ? 'd' : 'b';
        return global ? Character.toUpperCase(type) : type;
    }

    private static String name(long h, long index) {
        StringBuilder name = new StringBuilder(40);
        if ((h & 0xf00) == 0) {
            name.append("__");
        }
        name.append(SUBSYSTEMS[(int) Long.remainderUnsigned(h >>> 8, SUBSYSTEMS.length)]).append('_')
                .append(VERBS[(int) Long.remainderUnsigned(h >>> 20, VERBS.length)]).append('_')
                .append(NOUNS[(int) Long.remainderUnsigned(h >>> 32, NOUNS.length)]);
        if ((h >>> 56) % 9 == 0) {
            name.append(SUFFIXES[(int) ((h >>> 58) % SUFFIXES.length)]);
        } else if ((h >>> 56) % 9 == 1) {
            name.append('_').append(index % 97);
        }
        return name.toString();
    }
}
