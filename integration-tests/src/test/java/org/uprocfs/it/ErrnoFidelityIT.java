package org.uprocfs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same operations on the same kinds of entry, against this machine's /proc and against the mount in
 * one run: each answers with the kernel's errno (or result), so tools like cp -a and shutil see no difference.
 */
class ErrnoFidelityIT {
    @RegisterExtension
    static final ProcMount MOUNT = ProcMount.withModules("hardware", "sysctl");

    /** Each line: an operation name and what it gave, as the errno's name or the result. */
    private static final String PROBE = String.join("\n",
            "import os, sys, errno",
            "root = sys.argv[1]",
            "def t(name, f):",
            "    try:",
            "        r = f()",
            "        print(name, 'ok' if r is None or isinstance(r, int) else repr(r))",
            "    except OSError as e:",
            "        print(name, errno.errorcode[e.errno])",
            "def fd_op(op):",
            "    fd = os.open(root + '/version', os.O_RDONLY)",
            "    try:",
            "        return op(fd)",
            "    finally:",
            "        os.close(fd)",
            "t('listxattr-file', lambda: os.listxattr(root + '/version'))",
            "t('listxattr-dir', lambda: os.listxattr(root + '/sys'))",
            "t('getxattr', lambda: os.getxattr(root + '/version', 'user.x'))",
            "t('setxattr', lambda: os.setxattr(root + '/version', 'user.x', b'1'))",
            "t('fsync', lambda: fd_op(os.fsync))",
            "t('fdatasync', lambda: fd_op(os.fdatasync))",
            "t('o-direct', lambda: os.close(os.open(root + '/version', os.O_RDONLY | os.O_DIRECT)))",
            "t('unlink-tunable', lambda: os.unlink(root + '/sys/vm/swappiness'))",
            "t('rmdir-sysctl-dir', lambda: os.rmdir(root + '/sys/vm'))",
            "t('rmdir-sys', lambda: os.rmdir(root + '/sys'))",
            "t('unlink-file', lambda: os.unlink(root + '/version'))",
            "t('rename-tunable', lambda: os.rename(root + '/sys/vm/swappiness', root + '/sys/vm/elsewhere'))",
            "t('stat-name-256', lambda: os.stat(root + '/' + 'a' * 256))",
            "t('utime-root', lambda: os.utime(root + '/version', (1, 1)))");

    private static Map<String, String> probe(Path root) throws IOException {
        Path script = Files.createTempFile("uprocfs-errno-", ".py");
        try {
            Files.writeString(script, PROBE);
            Shell.Run run = Shell.run(Path.of("."), List.of("python3", script.toString(), root.toString()), 30);
            assertEquals(0, run.exitCode(), run.stderr());
            Map<String, String> answers = new LinkedHashMap<>();
            run.stdout().lines().forEach(l -> answers.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
            return answers;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void everyProbedOperation_answersAsTheKernelsProcfs() throws IOException {
        Map<String, String> kernel = probe(Path.of("/proc"));
        Map<String, String> mount = probe(MOUNT.root());
        assertEquals(14, kernel.size(), kernel.toString());
        assertEquals(kernel, mount);
    }
}
