package org.uprocfs.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs real commands (cat, echo, dd, sh) with a time limit, so a hang fails the test instead of the build. */
final class Shell {
    private Shell() {
    }

    /** What a command did: exit code, stdout and stderr. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code sh -c script} in a directory. */
    static Run sh(Path directory, String script) {
        return run(directory, List.of("sh", "-c", script), 30);
    }

    /** Runs a command with a limit in seconds. */
    static Run run(Path directory, List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("command hung for " + timeoutSeconds + " s: " + command);
            }
            return new Run(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static byte[] drain(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
