package org.uprocfs.mount.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uprocfs.mount.control.ControlClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uprocfs lsmod}: lists the modules loaded in a running daemon, as lsmod(8) prints them. */
@Command(name = "lsmod", mixinStandardHelpOptions = true, description = "List the modules loaded in a running uprocfs.")
public final class LsmodCommand implements Callable<Integer> {

    @Option(names = {"-m", "--mount"}, paramLabel = "MOUNTPOINT", description = "Which mount (default: the only one).")
    Path mountPoint;

    @Override
    public Integer call() {
        System.out.print(ControlClient.send(DaemonLocator.socketFor(mountPoint), "lsmod"));
        return 0;
    }
}
