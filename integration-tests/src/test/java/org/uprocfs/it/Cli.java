package org.uprocfs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code uprocfs} CLI (the shaded jar) as a separate process. */
final class Cli {
    private Cli() {
    }

    static Path jar() {
        String property = System.getProperty("uprocfs.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new AssertionError("the uprocfs jar is missing (" + property + "): build fs-mount first");
        }
        return Path.of(property);
    }

    /** Runs {@code uprocfs ARGS} and waits for it. */
    static Shell.Run run(String... args) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return Shell.run(Path.of("."), command, 90);
    }

    /** The pid the daemon for a mount point recorded, read from the CLI's answer line. */
    static long daemonPid(Shell.Run mountRun) {
        String out = mountRun.stdout();
        int at = out.indexOf("daemon pid ");
        if (at < 0) {
            throw new AssertionError("mount did not report a pid: " + out + mountRun.stderr());
        }
        int end = out.indexOf(',', at);
        return Long.parseLong(out.substring(at + "daemon pid ".length(), end).trim());
    }

    static Path newMountPoint() throws IOException {
        FuseRequirement.check();
        return Files.createTempDirectory("uprocfs-cli-");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
