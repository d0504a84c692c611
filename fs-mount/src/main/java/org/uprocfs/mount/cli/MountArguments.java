package org.uprocfs.mount.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fast parser for well-formed {@code uprocfs mount} arguments, so neither the CLI's JVM nor the daemon's
 * loads picocli (whose 176 classes are Java 5 class files that class-data sharing cannot archive: about
 * 150 ms of each JVM's start). Anything it does not understand (help, version, a mistake, an unusual
 * spelling) it leaves to picocli, which then parses the same arguments and says what is wrong; a test
 * checks that both agree on every option {@link MountCommand} declares.
 */
final class MountArguments {
    /** Options without a value, as {@link MountCommand} declares them. */
    static final Set<String> FLAGS = Set.of("--foreground", "-v", "--verbose", "--reset-state", "--no-auto-unmount",
            "--notify-stdout", "--detach");
    /** Options with a value. */
    static final Set<String> VALUED = Set.of("--modules", "-o", "--machine", "--seed", "--clock", "--clock-rate",
            "--state", "--param", "--handler-timeout", "--render-cap");

    private MountArguments() {
    }

    /** The command the arguments (those after {@code mount}) describe; empty if picocli should parse them. */
    static Optional<MountCommand> parse(String... args) {
        MountCommand command = new MountCommand();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (arg.startsWith("-o") && arg.length() > 2) {
                if (arg.charAt(2) == '=') {
                    return Optional.empty();
                }
                name = "-o";
                value = arg.substring(2);
            }
            if (FLAGS.contains(name) && value == null) {
                setFlag(command, name);
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || FLAGS.contains(args[i + 1]) || VALUED.contains(args[i + 1])) {
                        return Optional.empty();
                    }
                    value = args[++i];
                }
                if (value.isEmpty() || !setValue(command, name, value)) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        if (positional.size() != 1) {
            return Optional.empty();
        }
        command.mountPoint = Path.of(positional.get(0));
        return Optional.of(command);
    }

    private static void setFlag(MountCommand command, String name) {
        switch (name) {
            case "--foreground" -> command.foreground = true;
            case "-v", "--verbose" -> command.verbose = true;
            case "--reset-state" -> command.resetState = true;
            case "--no-auto-unmount" -> command.noAutoUnmount = true;
            case "--notify-stdout" -> command.notifyStdout = true;
            case "--detach" -> command.detach = true;
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** Sets one option's value the way picocli converts it; false if picocli should report the value. */
    private static boolean setValue(MountCommand command, String name, String value) {
        if ((name.equals("--modules") || name.equals("-o")) && List.of(value.split(",", -1)).contains("")) {
            return false;
        }
        try {
            switch (name) {
                case "--modules" -> command.modules = append(command.modules, value);
                case "-o" -> command.mountOptions = append(command.mountOptions, value);
                case "--machine" -> command.machine = Path.of(value);
                case "--seed" -> command.seed = Long.valueOf(value);
                case "--clock" -> command.clock = value;
                case "--clock-rate" -> command.clockRate = Double.parseDouble(value);
                case "--state" -> command.stateDirectory = Path.of(value);
                case "--handler-timeout" -> command.handlerTimeout = value;
                case "--render-cap" -> command.renderCap = value;
                case "--param" -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        return false;
                    }
                    command.parameters.put(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException(name);
            }
            return true;
        } catch (NumberFormatException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** A split option ({@code split = ","}): every occurrence adds its comma-separated parts. */
    private static List<String> append(List<String> existing, String value) {
        List<String> values = new ArrayList<>(existing == null ? List.of() : existing);
        values.addAll(List.of(value.split(",", -1)));
        return values;
    }
}
