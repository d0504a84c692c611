package org.uprocfs.providers.process.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.api.Caller;

/**
 * Which host processes a caller sees as themselves, over a hand-made host procfs:
 *
 * <pre>
 * 1     init                      session 1
 * 50    sshd        (ppid 1)      session 50
 * 100   bash        (ppid 50)     session 100
 * 101   cat         (ppid 100)    session 100, the caller
 * 102   other       (ppid 1)      session 102
 * </pre>
 */
class VisitorsTest {
    @TempDir
    Path proc;

    private Visitors visitors() throws IOException {
        process(1, 0, 1, 5, "init");
        process(50, 1, 50, 100, "sshd");
        process(100, 50, 100, 200, "bash");
        process(101, 100, 100, 300, "cat");
        process(102, 1, 102, 400, "other");
        return new Visitors(new HostProc(proc));
    }

    private void process(int pid, int ppid, int session, long start, String comm) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        StringBuilder stat = new StringBuilder(pid + " (" + comm + ") S " + ppid + " " + pid + " " + session);
        for (int field = 7; field <= 52; field++) {
            stat.append(' ').append(field == 22 ? start : 0);
        }
        Files.writeString(dir.resolve("stat"), stat + "\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + comm + "\nTgid:\t" + pid + "\nPid:\t" + pid
                + "\nUid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n");
    }

    private static final Caller CAT = new Caller(1000, 1000, 101);

    @Test
    void serve_theCallerItself_isReal() throws IOException {
        HostIdentity me = visitors().serve(101, CAT);
        assertNotNull(me);
        assertEquals(300, me.startTicks());
    }

    @Test
    void serve_theCallersShellInItsSession_isReal() throws IOException {
        assertNotNull(visitors().serve(100, CAT));
    }

    @Test
    void serve_anAncestorOutsideTheSession_isNotReal() throws IOException {
        assertNull(visitors().serve(50, CAT));
    }

    @Test
    void serve_anUnrelatedHostProcess_isNotReal() throws IOException {
        assertNull(visitors().serve(102, CAT));
    }

    @Test
    void serve_hostInit_isTheSimulatedOneForOthers() throws IOException {
        assertNull(visitors().serve(1, CAT));
    }

    @Test
    void alive_forACaller_listsItsShellButNotUnrelatedProcesses() throws IOException {
        Visitors visitors = visitors();
        assertEquals(List.of(100), visitors.alive(CAT));
    }

    @Test
    void alive_listsNotedCallersAndForgetsThemWhenTheirPidIsReused() throws IOException {
        Visitors visitors = visitors();
        visitors.note(CAT);
        assertEquals(List.of(101), visitors.alive());
        process(101, 100, 100, 999, "cat");
        assertEquals(List.of(), visitors.alive());
        assertNull(visitors.serve(101, new Caller(1000, 1000, 102)));
    }

    @Test
    void serve_againWithinTheIdentityWindow_answersWithoutReadingTheHost() throws IOException {
        Visitors visitors = visitors();
        HostIdentity first = visitors.serve(101, CAT);
        // A burst of requests for one directory reads the host's stat and status once.
        Files.delete(proc.resolve("101").resolve("status"));
        assertEquals(first, visitors.serve(101, CAT));
    }
}
