package org.uprocfs.mount.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.api.Caller;

/** A FUSE caller completed from a host status file: its thread group and supplementary groups. */
class ThreadGroupsTest {
    @TempDir
    Path proc;

    private void status(int tid, String text) throws IOException {
        Files.writeString(Files.createDirectories(proc.resolve(Integer.toString(tid))).resolve("status"), text);
    }

    @Test
    void callerOf_aThreadOfAProcess_namesItsGroupAndSupplementaryGroups() throws IOException {
        status(4243, "Name:\tjava\nUmask:\t0022\nTgid:\t4242\nPid:\t4243\nGroups:\t24 27 1000 \n");
        assertEquals(new Caller(1000, 1000, 4242, 4243, List.of(24, 27, 1000)),
                new ThreadGroups(proc).callerOf(1000, 1000, 4243));
    }

    @Test
    void callerOf_noSupplementaryGroups_hasNone() throws IOException {
        status(7, "Name:\tsh\nTgid:\t7\nGroups:\t\n");
        assertEquals(List.of(), new ThreadGroups(proc).callerOf(0, 0, 7).groups());
    }

    @Test
    void callerOf_aThreadThatIsGone_isItsOwnGroup() {
        assertEquals(new Caller(5, 5, 99, 99), new ThreadGroups(proc).callerOf(5, 5, 99));
    }

    @Test
    void inGroup_supplementaryGroup_counts() {
        Caller caller = new Caller(1000, 1000, 1, 1, List.of(24));
        assertEquals(List.of(true, true, false), List.of(caller.inGroup(1000), caller.inGroup(24), caller.inGroup(25)));
    }
}
