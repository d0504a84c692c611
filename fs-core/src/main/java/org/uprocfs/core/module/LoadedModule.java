package org.uprocfs.core.module;

import java.util.List;

/** A row of /proc/modules: a loaded module's name, size, users and dependencies. */
public record LoadedModule(String name, long size, int references, List<String> dependencies) {
}
