package org.uprocfs.core;

import java.time.Instant;
import java.util.Set;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.entry.EntryAttributes;
import org.uprocfs.core.entry.ProcDirectory;
import org.uprocfs.core.module.LoadedModule;
import org.uprocfs.core.module.ModuleRegistry;

/** The {@code modules} entry, in the format of the kernel's {@code m_show}. */
final class ModulesFile {
    private ModulesFile() {
    }

    static void register(ProcDirectory root, ModuleRegistry registry, Instant created) {
        root.addFile("modules", "kernel", new EntryAttributes(0444, 0, 0), Set.of(), created,
                ProcHandlers.show(buffer -> {
                    for (LoadedModule module : registry.loadedModules()) {
                        // "%s %u", " %i ", deps or "-", " %s" state, " 0x%px" (zeroed: no real address).
                        buffer.puts(module.name()).putc(' ').putLong(module.size())
                                .putc(' ').putLong(module.references()).putc(' ');
                        if (module.dependencies().isEmpty()) {
                            buffer.putc('-');
                        } else {
                            for (String dependency : module.dependencies()) {
                                buffer.puts(dependency).putc(',');
                            }
                        }
                        buffer.puts(" Live 0x0000000000000000\n");
                    }
                }));
    }
}
