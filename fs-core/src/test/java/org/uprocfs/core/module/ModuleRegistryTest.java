package org.uprocfs.core.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uprocfs.core.TestFs.assertErrno;
import static org.uprocfs.core.TestFs.module;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.TestFs;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.KernelLog;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;
import org.uprocfs.core.api.ProcModule;
import org.uprocfs.core.tree.ProcTree;

/**
 * Loading and unloading modules and what that does to the tree.
 *
 * <pre>
 * /
 * +-- modules
 * +-- shared/            implicit, made by whichever module came first
 * |   +-- a/info         module a
 * |   +-- b/info         module b
 * +-- a-only/deep/file   module a
 * +-- a-link -> a-only   module a
 * </pre>
 */
class ModuleRegistryTest {
    private static final ProcHandlers EMPTY = ProcHandlers.show(buffer -> { });

    private final AtomicInteger instancesOfA = new AtomicInteger();
    private final AtomicInteger exitsOfA = new AtomicInteger();
    private final TestFs t = TestFs.withModules(Map.of("a", this::moduleA, "b", () -> module("b", context ->
            context.create(null, "shared/b/info", 0444, EMPTY))));

    private ProcModule moduleA() {
        instancesOfA.incrementAndGet();
        return new ProcModule() {
            @Override
            public String name() {
                return "a";
            }

            @Override
            public void init(ProcContext context) {
                context.create(null, "shared/a/info", 0444, EMPTY);
                context.create(null, "a-only/deep/file", 0444, EMPTY);
                context.symlink(null, "a-link", "a-only");
            }

            @Override
            public void exit(ProcContext context) {
                exitsOfA.incrementAndGet();
            }
        };
    }

    @Test
    void unload_removesEveryEntryOfTheModuleIncludingImplicitDirectories() {
        t.fs().unloadModule("a");

        assertErrno(Errno.ENOENT, () -> t.fs().stat("/a-only"));
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/a-link"));
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/shared/a"));
        assertEquals(1, exitsOfA.get());
    }

    @Test
    void unload_keepsDirectoriesStillHoldingAnotherModulesEntries() {
        t.fs().unloadModule("a");

        assertEquals(List.of("b"), t.fs().list("/shared"));
        assertEquals(List.of("modules", "shared"), t.fs().list("/"));
    }

    @Test
    void unload_lastModuleOfASharedDirectory_removesTheDirectory() {
        t.fs().unloadModule("a");
        t.fs().unloadModule("b");

        assertEquals(List.of("modules"), t.fs().list("/"));
    }

    @Test
    void unload_inTheOtherOrder_alsoRemovesEverything() {
        t.fs().unloadModule("b");
        t.fs().unloadModule("a");

        assertEquals(List.of("modules"), t.fs().list("/"));
    }

    @Test
    void unload_exitThrows_stillRemovesTheEntries() {
        TestFs failingExit = TestFs.withModules(Map.of("x", () -> new ProcModule() {
            @Override
            public String name() {
                return "x";
            }

            @Override
            public void init(ProcContext context) {
                context.create(null, "x/file", 0444, EMPTY);
            }

            @Override
            public void exit(ProcContext context) {
                throw new IllegalStateException("exit failed");
            }
        }));

        failingExit.fs().unloadModule("x");

        assertEquals(List.of("modules"), failingExit.fs().list("/"));
    }

    @Test
    void unload_moduleNotLoaded_failsWithEnoent() {
        t.fs().unloadModule("a");

        assertErrno(Errno.ENOENT, () -> t.fs().unloadModule("a"));
    }

    @Test
    void load_alreadyLoaded_failsWithEexist() {
        assertErrno(Errno.EEXIST, () -> t.fs().loadModule("a"));
    }

    @Test
    void load_unknownModule_failsWithEnoent() {
        assertErrno(Errno.ENOENT, () -> t.fs().loadModule("nope"));
    }

    @Test
    void load_afterUnload_makesAFreshInstanceAndTheSameEntries() {
        t.fs().unloadModule("a");

        t.fs().loadModule("a");

        assertEquals(2, instancesOfA.get());
        assertEquals(List.of("a", "b"), t.fs().list("/shared"));
        assertEquals("a-only", t.fs().readlink("/a-link"));
    }

    @Test
    void load_initThrowsProcException_leavesNoEntriesAndKeepsTheErrno() {
        ProcTree tree = new ProcTree(TestFs.BOOT);
        ModuleRegistry registry = registryOver(tree, Map.of("bad", () -> module("bad", context -> {
            context.create(null, "bad/deep/file", 0444, EMPTY);
            context.mkdir(null, "bad-dir", 0555);
            context.symlink(null, "bad-link", "bad");
            throw new ProcException(Errno.ENOMEM, "out of memory in init");
        })));

        assertErrno(Errno.ENOMEM, () -> registry.load("bad"));
        assertFalse(registry.isLoaded("bad"));
        assertTrue(tree.root().isEmpty());
    }

    @Test
    void load_initThrowsAnythingElse_failsWithEioAndLeavesNoEntries() {
        ProcTree tree = new ProcTree(TestFs.BOOT);
        ModuleRegistry registry = registryOver(tree, Map.of("bad", () -> module("bad", context -> {
            context.create(null, "bad/file", 0444, EMPTY);
            throw new IllegalStateException("bug in init");
        })));

        assertErrno(Errno.EIO, () -> registry.load("bad"));
        assertTrue(tree.root().isEmpty());
    }

    @Test
    void loadedModules_areListedNewestFirst() {
        t.fs().unloadModule("a");
        t.fs().loadModule("a");

        assertEquals(List.of("a", "b"), t.fs().modules().loadedModules().stream().map(LoadedModule::name).toList());
    }

    @Test
    void unloadAll_unloadsEveryModule() {
        t.fs().modules().unloadAll();

        assertTrue(t.fs().modules().loadedModules().isEmpty());
        assertEquals(List.of("modules"), t.fs().list("/"));
    }

    /** A registry of its own over a fresh tree, to watch a failing load without a file system around it. */
    private static ModuleRegistry registryOver(ProcTree tree, Map<String, Supplier<ProcModule>> available) {
        ManualClock clock = new ManualClock(TestFs.BOOT, Duration.ZERO);
        KernelServices services = new KernelServices(tree, clock, new SplittableRandom(1), new KernelLog(16, clock),
                Map.of());
        return new ModuleRegistry(available, services, entry -> { });
    }
}
