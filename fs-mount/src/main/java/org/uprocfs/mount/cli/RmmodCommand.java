package org.uprocfs.mount.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uprocfs.mount.control.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uprocfs rmmod NAME}: Unloads a module in a running daemon through its control channel. */
@Command(name = "rmmod", mixinStandardHelpOptions = true, description = "Unload a module in a running uprocfs.")
public final class RmmodCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The module name, as lsmod shows it.")
    String name;

    @Option(names = {"-m", "--mount"}, paramLabel = "MOUNTPOINT", description = "Which mount (default: the only one).")
    Path mountPoint;

    @Override
    public Integer call() {
        ControlClient.send(DaemonLocator.socketFor(mountPoint), "rmmod " + name);
        return 0;
    }
}
