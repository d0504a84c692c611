package org.uprocfs.core.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LoadOnRequest;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.entry.ProcEntry;

/**
 * Finds modules with ServiceLoader and loads and unloads them; lifecycle calls are serialized,
 * like the kernel's module_mutex, while file operations go on concurrently.
 */
public final class ModuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);

    private final Map<String, Supplier<ProcModule>> available;
    private final Map<String, LoadedState> loaded = new LinkedHashMap<>();
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final KernelServices services;
    private final Consumer<ProcEntry> removalListener;

    /** A registry over the given factories, keyed by module name. */
    public ModuleRegistry(Map<String, Supplier<ProcModule>> available, KernelServices services,
            Consumer<ProcEntry> removalListener) {
        this.available = Map.copyOf(available);
        this.services = services;
        this.removalListener = removalListener;
    }

    /** The factories of every module on the class path, by name. */
    public static Map<String, Supplier<ProcModule>> discover(ClassLoader loader) {
        Map<String, Supplier<ProcModule>> found = new LinkedHashMap<>();
        for (ServiceLoader.Provider<ProcModule> provider : ServiceLoader.load(ProcModule.class, loader).stream().toList()) {
            String name = provider.get().name();
            if (found.putIfAbsent(name, provider::get) != null) {
                LOG.warn("module {} is provided twice; keeping the first ({})", name, provider.type().getName());
            }
        }
        return found;
    }

    /** Names of the modules on the class path not marked {@link LoadOnRequest}: what a mount loads by default. */
    public static List<String> defaultNames(ClassLoader loader) {
        return ServiceLoader.load(ProcModule.class, loader).stream()
                .filter(provider -> !provider.type().isAnnotationPresent(LoadOnRequest.class))
                .map(provider -> provider.get().name())
                .distinct()
                .sorted()
                .toList();
    }

    /** Names of every module that can be loaded. */
    public List<String> availableNames() {
        return available.keySet().stream().sorted().toList();
    }

    /** Loads a module (insmod); EEXIST if loaded, ENOENT if unknown; a failing init leaves nothing behind. */
    public synchronized void load(String name) {
        if (loaded.containsKey(name)) {
            throw new ProcException(Errno.EEXIST, "module " + name + " is already loaded");
        }
        Supplier<ProcModule> factory = available.get(name);
        if (factory == null) {
            throw new ProcException(Errno.ENOENT, "no module named " + name);
        }
        ProcModule module = factory.get();
        ModuleContext context = new ModuleContext(name, services, shared);
        try {
            module.init(context);
        } catch (RuntimeException e) {
            context.removeAll(removalListener);
            LOG.warn("module {} failed to initialise: {}", name, e.toString());
            if (e instanceof ProcException pe) {
                throw pe;
            }
            // Only the first line: parsers (Jackson) append source excerpts on further lines.
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
            throw new ProcException(Errno.EIO, "module " + name + " failed to initialise: " + reason);
        }
        loaded.put(name, new LoadedState(module, context));
        LOG.info("module {} loaded with {} entries", name, context.entryCount());
    }

    /** Unloads a module (rmmod): exit, then every entry it made is removed; ENOENT if not loaded. */
    public synchronized void unload(String name) {
        LoadedState state = loaded.remove(name);
        if (state == null) {
            throw new ProcException(Errno.ENOENT, "module " + name + " is not loaded");
        }
        try {
            state.module().exit(state.context());
        } catch (RuntimeException e) {
            LOG.error("module {} failed in exit; removing its entries anyway", name, e);
        }
        state.context().removeAll(removalListener);
        LOG.info("module {} unloaded", name);
    }

    /** Unloads every module, newest first; used at unmount. */
    public synchronized void unloadAll() {
        List<String> names = new ArrayList<>(loaded.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            unload(names.get(i));
        }
    }

    /** Whether the module is loaded. */
    public synchronized boolean isLoaded(String name) {
        return loaded.containsKey(name);
    }

    /** The loaded modules, newest first as /proc/modules lists them. */
    public synchronized List<LoadedModule> loadedModules() {
        List<LoadedModule> rows = new ArrayList<>();
        for (LoadedState state : loaded.values()) {
            ProcModule module = state.module();
            rows.add(0, new LoadedModule(module.name(), module.size(), 0, List.copyOf(module.dependencies())));
        }
        return rows;
    }

    /** A shared object, if some module made it. */
    public <T> Optional<T> sharedObject(Class<T> type) {
        return Optional.ofNullable(type.cast(shared.get(type)));
    }

    private record LoadedState(ProcModule module, ModuleContext context) {
    }
}
