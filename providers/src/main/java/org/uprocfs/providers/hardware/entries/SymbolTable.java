package org.uprocfs.providers.hardware.entries;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.uprocfs.providers.hardware.model.Machine;
import org.uprocfs.providers.hardware.model.PciDevice;
import org.uprocfs.providers.hardware.sim.Noise;

/**
 * A plausible kernel symbol table computed from the seed: symbol {@code i} is a pure function of (seed, i),
 * and addresses rise with {@code i} as kallsyms sorts them, so kallsyms prints any line from its index
 * without holding the table's text.
 */
final class SymbolTable {
    /** Symbols of the core image; with the modules' this makes roughly 4.4 MB of text. */
    static final int CORE_SYMBOLS = 110_000;
    static final int SYMBOLS_PER_MODULE = 300;
    /** Every line starts with the address as sixteen hex digits, the column zeroed for unprivileged readers. */
    static final int ADDRESS_COLUMNS = 16;
    private static final long KERNEL_TEXT = 0xffffffff81000000L;
    private static final long MODULES_BASE = 0xffffffffc0000000L;
    /** A little more than the average line, so the image is built without regrowing. */
    private static final int BYTES_PER_LINE = 40;

    private static final byte[][] SUBSYSTEMS = encode("acpi", "ata", "blk", "bpf", "cgroup", "cpufreq", "crypto", "dev",
        "dma", "drm", "ext4", "fib", "fs", "hrtimer", "inet", "iommu", "ipv6", "irq", "kernfs", "kmem", "kobject",
        "ksys", "mm", "mutex", "napi", "netif", "nfs", "page", "pci", "perf", "pm", "proc", "rcu", "sched",
        "security", "seq", "shmem", "skb", "sock", "sysfs", "tcp", "tick", "tty", "udp", "usb", "vfs", "x86", "xfs");
    private static final byte[][] VERBS = encode("alloc", "free", "init", "exit", "get", "put", "read", "write", "update",
        "find", "lookup", "register", "unregister", "create", "destroy", "start", "stop", "handle", "queue", "flush",
        "sync", "attach", "detach", "enable", "disable", "set", "clear", "show", "store", "open", "release", "probe",
        "remove", "map", "unmap", "lock", "unlock", "wait", "wake");
    private static final byte[][] NOUNS = encode("buffer", "page", "entry", "node", "device", "state", "context", "queue",
        "work", "timer", "request", "table", "range", "cache", "region", "event", "stats", "config", "info", "ops",
        "list", "group", "slot", "chain", "zone", "inode", "dentry", "file", "sock", "irq", "desc", "task", "cpu",
        "mask", "ring", "frame", "packet");
    private static final byte[][] SUFFIXES = encode(".cold", ".isra.0", ".constprop.0", ".part.0");
    private static final String[] EXTRA_MODULES = {"nvme_core", "mac80211", "cfg80211", "drm_kms_helper",
        "snd_hda_codec", "snd_pcm", "fuse", "overlay"};

    private final long key;
    /** Per module: the name prefix of its symbols ("fuse_") and the tail of each line ("\t[fuse]\n"). */
    private final byte[][] modulePrefixes;
    private final byte[][] moduleTails;

    SymbolTable(Machine machine, long seed) {
        this.key = Noise.key(seed, "kallsyms", 0);
        Set<String> names = new LinkedHashSet<>();
        for (PciDevice device : machine.spec().pci()) {
            if (!device.driver().isEmpty() && !"pcieport".equals(device.driver())) {
                names.add(device.driver().replace('-', '_'));
            }
        }
        names.addAll(List.of(EXTRA_MODULES));
        List<String> modules = List.copyOf(names);
        this.modulePrefixes = new byte[modules.size()][];
        this.moduleTails = new byte[modules.size()][];
        for (int i = 0; i < modules.size(); i++) {
            modulePrefixes[i] = ByteText.bytesOf(modules.get(i) + "_");
            moduleTails[i] = ByteText.bytesOf("\t[" + modules.get(i) + "]\n");
        }
    }

    long size() {
        return CORE_SYMBOLS + (long) modulePrefixes.length * SYMBOLS_PER_MODULE;
    }

    /** The whole file as root reads it: {@code "%016lx %c %s\t[%s]\n"} per symbol, as s_show prints it. */
    byte[] render() {
        long count = size();
        ByteText out = new ByteText((int) (count * BYTES_PER_LINE));
        for (long index = 0; index < count; index++) {
            appendLine(out, index);
        }
        return out.toByteArray();
    }

    /** Line {@code index} as s_show prints it, appended to {@code out}. */
    void appendLine(ByteText out, long index) {
        long h = Noise.mix(key + index);
        if (index < CORE_SYMBOLS) {
            // Each symbol starts 1..127 bytes after the previous slot, so addresses strictly rise.
            out.hex16(KERNEL_TEXT + index * 128 + (h & 0x7f)).put((byte) ' ').put((byte) coreType(index, h))
                    .put((byte) ' ');
            appendName(out, h, index);
            out.put((byte) '\n');
            return;
        }
        long local = index - CORE_SYMBOLS;
        int module = (int) (local / SYMBOLS_PER_MODULE);
        long address = MODULES_BASE + module * 0x100000L + (local % SYMBOLS_PER_MODULE) * 128 + (h & 0x7f);
        // Exported module symbols are upper case, local ones lower case, as s_show folds them.
        char type = (h >>> 40) % 5 == 0 ? 'T' : (h >>> 40) % 7 == 0 ? 'd' : 't';
        out.hex16(address).put((byte) ' ').put((byte) type).put((byte) ' ').put(modulePrefixes[module]);
        appendName(out, h, index);
        out.put(moduleTails[module]);
    }

    /** Text first, then read-only data, data and bss, as the kernel image is laid out. */
    private static char coreType(long index, long h) {
        boolean global = (h >>> 48) % 5 < 2;
        double at = index / (double) CORE_SYMBOLS;
        char type = at < 0.72 ? 't' : at < 0.82 ? 'r' : at < 0.94 ? 'd' : 'b';
        return global ? Character.toUpperCase(type) : type;
    }

    private static void appendName(ByteText out, long h, long index) {
        if ((h & 0xf00) == 0) {
            out.put((byte) '_').put((byte) '_');
        }
        out.put(SUBSYSTEMS[(int) Long.remainderUnsigned(h >>> 8, SUBSYSTEMS.length)]).put((byte) '_')
                .put(VERBS[(int) Long.remainderUnsigned(h >>> 20, VERBS.length)]).put((byte) '_')
                .put(NOUNS[(int) Long.remainderUnsigned(h >>> 32, NOUNS.length)]);
        if ((h >>> 56) % 9 == 0) {
            out.put(SUFFIXES[(int) ((h >>> 58) % SUFFIXES.length)]);
        } else if ((h >>> 56) % 9 == 1) {
            out.put((byte) '_').decimal(index % 97);
        }
    }

    private static byte[][] encode(String... words) {
        byte[][] encoded = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            encoded[i] = ByteText.bytesOf(words[i]);
        }
        return encoded;
    }
}
