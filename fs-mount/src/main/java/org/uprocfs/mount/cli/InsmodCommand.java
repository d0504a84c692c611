package org.uprocfs.mount.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code uprocfs insmod NAME}: Loads a module in a running daemon through its control channel. */
@Command(name = "insmod", mixinStandardHelpOptions = true, description = "Load a module in a running uprocfs.")
public final class InsmodCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The module name, as lsmod shows it.")
    String name;

    @Mixin
    DaemonOption daemon;

    @Override
    public Integer call() {
        daemon.send("insmod " + name);
        return 0;
    }
}
