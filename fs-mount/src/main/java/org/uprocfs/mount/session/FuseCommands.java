package org.uprocfs.mount.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code fusermount}, the setuid helper of libfuse2, to unmount. */
public final class FuseCommands {
    private FuseCommands() {
    }

    /** The outcome of a helper command. */
    public record Outcome(int exitCode, String output) {
        /** Whether it exited with 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** {@code fusermount -u [-z] MOUNTPOINT}; lazy detaches even a busy or dead mount. */
    public static Outcome unmount(Path mountPoint, boolean lazy) {
        List<String> command = lazy
                ? List.of("fusermount", "-u", "-z", mountPoint.toString())
                : List.of("fusermount", "-u", mountPoint.toString());
        return run(command);
    }

    /** Whether an executable of that name is on the PATH. */
    public static boolean onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    static Outcome run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, command.get(0) + " did not finish in 30 seconds");
            }
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return new Outcome(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted while running " + command.get(0));
        }
    }
}
