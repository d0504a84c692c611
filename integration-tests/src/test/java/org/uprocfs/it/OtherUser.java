package org.uprocfs.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An unprivileged account made for the tests, and a way to run commands as it. */
final class OtherUser {
    static final String NAME = "uprocfs-it";

    private OtherUser() {
    }

    /** Creates the account once (useradd), as root. */
    static void ensureExists() {
        if (Shell.run(Path.of("."), List.of("id", "-u", NAME), 10).exitCode() != 0) {
            Shell.Run add = Shell.run(Path.of("."), List.of("useradd", "--system", "--no-create-home",
                    "--shell", "/usr/sbin/nologin", NAME), 30);
            if (add.exitCode() != 0 && add.exitCode() != 9) {
                throw new AssertionError("useradd failed: " + add.stderr());
            }
        }
    }

    /** The group made for the tests, which the account can hold as a supplementary group. */
    static final String GROUP = "uprocfs-it-g";

    /** Creates the group once (groupadd), as root, and answers its gid. */
    static int ensureGroup() {
        if (Shell.run(Path.of("."), List.of("getent", "group", GROUP), 10).exitCode() != 0) {
            Shell.Run add = Shell.run(Path.of("."), List.of("groupadd", "--system", GROUP), 30);
            if (add.exitCode() != 0 && add.exitCode() != 9) {
                throw new AssertionError("groupadd failed: " + add.stderr());
            }
        }
        String entry = Shell.run(Path.of("."), List.of("getent", "group", GROUP), 10).stdout();
        return Integer.parseInt(entry.split(":")[2]);
    }

    /** Runs {@code sh -c script} as the account with {@code gid} as its only supplementary group. */
    static Shell.Run shWithGroup(Path directory, int gid, String script) {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME,
                "--groups=" + gid, "--", "sh", "-c", script));
        return Shell.run(directory, command, 30);
    }

    /** Runs {@code sh -c script} as the account, with its own uid and gid and no supplementary groups. */
    static Shell.Run sh(Path directory, String script) {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME,
                "--clear-groups", "--", "sh", "-c", script));
        return Shell.run(directory, command, 30);
    }

    /** Runs {@code sh -c script} as a bare uid and gid, with or without an account, and no supplementary groups. */
    static Shell.Run shAs(int uid, int gid, Path directory, String script) {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--", "sh", "-c", script));
        return Shell.run(directory, command, 30);
    }
}
