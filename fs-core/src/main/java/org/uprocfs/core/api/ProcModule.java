package org.uprocfs.core.api;

/**
 * A uprocfs module, the Java shape of a kernel module: {@code init} is {@code module_init},
 * {@code exit} is {@code module_exit}. Modules are found with {@link java.util.ServiceLoader};
 * each load makes a fresh instance, so a module reloaded after rmmod starts from scratch.
 */
public interface ProcModule {

    /** The name shown by lsmod and /proc/modules, e.g. {@code fortune}. */
    String name();

    /** Creates the module's entries; throwing leaves no entry behind and the module unloaded. */
    void init(ProcContext context);

    /**
     * Releases what init took, with the same context (to printk a goodbye); the entries the module made
     * are removed by the registry afterwards, and the context refuses new ones from then on.
     */
    default void exit(ProcContext context) {
    }

    /** The size column of /proc/modules; kernel modules are page multiples, 16384 is a small one. */
    default long size() {
        return 16384;
    }

    /** Names of modules this one uses, shown in the deps column of /proc/modules. */
    default java.util.List<String> dependencies() {
        return java.util.List.of();
    }
}
