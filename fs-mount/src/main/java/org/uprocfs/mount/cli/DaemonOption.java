package org.uprocfs.mount.cli;

import java.nio.file.Path;
import org.uprocfs.mount.control.ControlClient;
import picocli.CommandLine.Option;

/** The {@code --mount} option of the module commands, and the request it leads to. */
final class DaemonOption {

    @Option(names = {"-m", "--mount"}, paramLabel = "MOUNTPOINT", description = "Which mount (default: the only one).")
    Path mountPoint;

    /** Sends one control request to the chosen daemon and returns its output. */
    String send(String request) {
        return ControlClient.send(DaemonLocator.socketFor(mountPoint), request);
    }
}
