package org.uprocfs.mount.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.uprocfs.mount.session.MountProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code uprocfs} command line: mount, umount, insmod, rmmod, lsmod. */
@Command(name = "uprocfs", mixinStandardHelpOptions = true, versionProvider = UprocfsCommand.Version.class,
        description = "A userspace procfs served over FUSE.",
        subcommands = {MountCommand.class, UmountCommand.class, InsmodCommand.class, RmmodCommand.class,
                LsmodCommand.class, CommandLine.HelpCommand.class})
public final class UprocfsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        List<String> all = Arrays.asList(args);
        if (args.length > 1 && args[0].equals("mount") && (all.contains("--foreground") || all.contains("--detach"))) {
            // A daemon is starting: its option-free start-up work runs beside the parse below.
            DaemonWarmUp.start();
        }
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; mistakes print one plain sentence, never a stack trace. */
    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("mount")) {
            Optional<MountCommand> mount = MountArguments.parse(Arrays.copyOfRange(args, 1, args.length));
            if (mount.isPresent()) {
                PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
                try {
                    return mount.get().call();
                } catch (Exception e) {
                    return report(e, err);
                }
            }
        }
        CommandLine commandLine = new CommandLine(new UprocfsCommand());
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) ->
                report(exception, command.getErr()));
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            exception.getCommandLine().getErr().println("uprocfs: " + exception.getMessage()
                    + " (try 'uprocfs --help').");
            return 2;
        });
        return commandLine.execute(args);
    }

    /** One plain sentence for a failed command, and its exit code. */
    private static int report(Exception exception, PrintWriter err) {
        if (exception instanceof MountProblem problem) {
            err.println("uprocfs: " + problem.getMessage());
            return problem.exitCode();
        }
        err.println("uprocfs: unexpected failure: " + exception);
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }

    /** Reads the version Maven wrote at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = UprocfsCommand.class.getResourceAsStream("/org/uprocfs/mount/version.properties")) {
                if (in != null) {
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            return new String[] {"uprocfs " + properties.getProperty("version", "unknown")};
        }
    }
}
