package org.uprocfs.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.uprocfs.core.TestFs.assertErrno;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.uprocfs.core.api.Caller;
import org.uprocfs.core.api.DirectoryOps;
import org.uprocfs.core.api.EntryTable;
import org.uprocfs.core.api.Errno;
import org.uprocfs.core.api.LinkTarget;
import org.uprocfs.core.api.Node;
import org.uprocfs.core.api.OpenRequest;
import org.uprocfs.core.api.ProcContext;
import org.uprocfs.core.api.ProcDir;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.api.ProcHandlers;

/**
 * Directories whose children a module computes per lookup, links that answer per caller, and search
 * permission on the way down, over a toy process table:
 *
 * <pre>
 * /
 * +-- version        fixed file
 * +-- self  -> PID   the caller's own pid
 * +-- 7/             computed from the table (owner uid 1000)
 * |   +-- comm       "task7\n"
 * |   +-- fd/        0500
 * |       +-- 0 -> /dev/null
 * +-- 9/
 * </pre>
 */
class ComputedTreeTest {
    private static final Caller OWNER = new Caller(1000, 1000, 555, 556);
    private static final Caller STRANGER = new Caller(1001, 1001, 600);

    private final ConcurrentSkipListSet<Integer> pids = new ConcurrentSkipListSet<>(Set.of(7, 9));
    private final AtomicReference<ProcContext> context = new AtomicReference<>();
    private final EntryTable<Integer> table = EntryTable.<Integer>builder()
            .file("comm", 0644, pid -> ProcHandlers.show(out -> {
                if (!pids.contains(pid)) {
                    // proc_single_show: the task is gone, but the handle is still open.
                    throw new ProcException(Errno.ESRCH, "task " + pid + " exited");
                }
                out.puts("task" + pid + "\n");
            }))
            .dir("fd", 0500, pid -> fixedLinks(Map.of("0", "/dev/null")))
            .link("exe", (pid, caller) -> "/bin/task" + pid)
            .build();
    private final TestFs t = TestFs.with(ctx -> {
        context.set(ctx);
        ctx.create(null, "version", 0444, ProcHandlers.show(out -> out.puts("v\n")));
        ctx.symlink(null, "self", (LinkTarget) caller -> Integer.toString(caller.pid()));
        ctx.computed(null, new DirectoryOps() {
            @Override
            public Node lookup(String name, Caller caller) {
                Integer pid = parse(name);
                return pid == null || !pids.contains(pid) ? null
                        : new Node.Dir(0555, 1000, 1000, table.bind(pid, 1000, 1000));
            }

            @Override
            public List<String> names(Caller caller) {
                return pids.stream().map(String::valueOf).toList();
            }

            @Override
            public int subdirectories(Caller caller) {
                return pids.size();
            }
        });
    });

    @Test
    void list_root_showsFixedEntriesThenComputedOnes() {
        assertEquals(List.of("modules", "self", "version", "7", "9"), t.fs().list("/", OWNER));
    }

    @Test
    void lookup_computedFile_readsFromTheBoundObject() {
        assertEquals("task7\n", t.text("/7/comm"));
    }

    @Test
    void list_boundTable_keepsRowOrder() {
        assertEquals(List.of("comm", "fd", "exe"), t.fs().list("/9", OWNER));
    }

    @Test
    void stat_computedDirectory_carriesTheOwnerAndCountsSubdirectories() {
        EntryStat stat = t.fs().stat("/7", STRANGER);
        assertEquals(1000, stat.uid());
        assertEquals(3, stat.linkCount());
        assertEquals(2 + 2, t.fs().stat("/", STRANGER).linkCount());
    }

    @Test
    void stat_computedEntry_keepsItsInodeAcrossLookups() {
        assertEquals(t.fs().stat("/7/comm").inode(), t.fs().stat("/7/comm").inode());
        assertNotEquals(t.fs().stat("/7/comm").inode(), t.fs().stat("/9/comm").inode());
    }

    @Test
    void lookup_vanishedChild_failsWithEnoent() {
        pids.remove(7);
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/7/comm"));
        assertEquals(List.of("modules", "self", "version", "9"), t.fs().list("/"));
    }

    @Test
    void read_handleOfAnExitedTask_failsWithEsrch() {
        long handle = t.open("/7/comm");
        pids.remove(7);
        assertErrno(Errno.ESRCH, () -> t.read(handle, 0, 4096));
    }

    @Test
    void readlink_perCallerLink_answersEachCallerItsOwnPid() {
        assertEquals("555", t.fs().readlink("/self", OWNER));
        assertEquals("600", t.fs().readlink("/self", STRANGER));
        assertEquals(3, t.fs().stat("/self", OWNER).size());
    }

    @Test
    void lookup_belowADirectoryWithoutSearchPermission_failsWithEaccesForOthers() {
        assertErrno(Errno.EACCES, () -> t.fs().readlink("/7/fd/0", STRANGER));
        assertEquals("/dev/null", t.fs().readlink("/7/fd/0", OWNER));
        assertEquals("/dev/null", t.fs().readlink("/7/fd/0", Caller.ROOT));
    }

    @Test
    void lookup_belowAFixedDirectoryChmodded0700_failsWithEaccesForOthers() {
        TestFs fixed = TestFs.with(ctx -> ctx.create(null, "dir/foo", 0444, ProcHandlers.show(out -> out.puts("x"))));
        fixed.fs().chmod("/dir", 0700, Caller.ROOT);
        assertErrno(Errno.EACCES, () -> fixed.fs().open("/dir/foo", OpenRequest.O_RDONLY, STRANGER));
        assertErrno(Errno.EACCES, () -> fixed.fs().stat("/dir/foo", STRANGER));
        assertEquals(0444, fixed.fs().stat("/dir/foo", Caller.ROOT).mode());
    }

    @Test
    void chmod_computedEntry_failsWithEpermAsProcSetattrDoes() {
        assertErrno(Errno.EPERM, () -> t.fs().chmod("/7/comm", 0600, Caller.ROOT));
    }

    @Test
    void rmmod_computedChildren_vanishAndOpenHandlesFailWithEio() {
        long handle = t.open("/9/comm");
        t.fs().unloadModule("t");
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/9"));
        assertErrno(Errno.EIO, () -> t.read(handle, 0, 4096));
    }

    @Test
    void contextAfterRmmod_refusesRegistrationAndTheNextInsmodSucceeds() {
        ProcContext old = context.get();
        t.fs().unloadModule("t");
        assertErrno(Errno.EPERM, () -> old.create(null, "late", 0444, ProcHandlers.show(out -> { })));
        assertErrno(Errno.EPERM, () -> old.computed(null, fixedLinks(Map.of())));
        assertErrno(Errno.ENOENT, () -> t.fs().stat("/late"));
        t.fs().loadModule("t");
        assertEquals("task7\n", t.text("/7/comm"));
    }

    @Test
    void computed_secondModuleOnTheSameDirectory_failsWithEexist() {
        ProcDir root = null;
        assertErrno(Errno.EEXIST, () -> context.get().computed(root, fixedLinks(Map.of())));
    }

    @Test
    void view_showsTheFixedDirectoryBelowAnotherAndFollowsItsChanges() {
        AtomicReference<ProcContext> ctx = new AtomicReference<>();
        TestFs fs = TestFs.with(c -> {
            ctx.set(c);
            c.create(null, "net/dev", 0444, ProcHandlers.show(out -> out.puts("lo\n")));
            c.computed(c.mkdir(null, "task", 0555), c.view("/net"));
        });
        assertEquals(List.of("dev"), fs.fs().list("/task"));
        assertEquals("lo\n", fs.text("/task/dev"));
        ctx.get().create(null, "net/route", 0444, ProcHandlers.show(out -> out.puts("r\n")));
        assertEquals(List.of("dev", "route"), fs.fs().list("/task"));
        assertErrno(Errno.ENOENT, () -> fs.fs().stat("/task/snmp"));
    }

    private static DirectoryOps fixedLinks(Map<String, String> links) {
        return new DirectoryOps() {
            @Override
            public Node lookup(String name, Caller caller) {
                String target = links.get(name);
                return target == null ? null : new Node.Link(0500, 1000, 1000, LinkTarget.fixed(target));
            }

            @Override
            public List<String> names(Caller caller) {
                return List.copyOf(links.keySet());
            }
        };
    }

    private static Integer parse(String name) {
        try {
            return Integer.valueOf(name);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
