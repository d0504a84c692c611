package org.uprocfs.mount.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code uprocfs lsmod}: lists the modules loaded in a running daemon, as lsmod(8) prints them. */
@Command(name = "lsmod", mixinStandardHelpOptions = true, description = "List the modules loaded in a running uprocfs.")
public final class LsmodCommand implements Callable<Integer> {

    @Mixin
    DaemonOption daemon;

    @Override
    public Integer call() {
        System.out.print(daemon.send("lsmod"));
        return 0;
    }
}
