package org.uprocfs.mount.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uprocfs.mount.control.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uprocfs insmod NAME}: Loads a module in a running daemon through its control channel. */
@Command(name = "insmod", mixinStandardHelpOptions = true, description = "Load a module in a running uprocfs.")
public final class InsmodCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The module name, as lsmod shows it.")
    String name;

    @Option(names = {"-m", "--mount"}, paramLabel = "MOUNTPOINT", description = "Which mount (default: the only one).")
    Path mountPoint;

    @Override
    public Integer call() {
        ControlClient.send(DaemonLocator.socketFor(mountPoint), "insmod " + name);
        return 0;
    }
}
