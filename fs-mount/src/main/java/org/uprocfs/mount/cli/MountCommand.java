package org.uprocfs.mount.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.ManualClock;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.core.SystemProcClock;
import org.uprocfs.core.api.ProcClock;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.module.ModuleRegistry;
import org.uprocfs.mount.control.ControlServer;
import org.uprocfs.mount.session.InheritedStreams;
import org.uprocfs.mount.session.MountOptions;
import org.uprocfs.mount.session.MountPoints;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.MountSession;
import org.uprocfs.mount.session.Preflight;
import org.uprocfs.mount.session.RuntimeFiles;
import org.uprocfs.mount.session.StateLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code uprocfs mount MOUNTPOINT}: starts a daemon serving uprocfs there and returns once it is ready. */
@Command(name = "mount", mixinStandardHelpOptions = true,
        description = "Mount uprocfs on MOUNTPOINT; returns once the mount answers, leaving the daemon in the background.")
public final class MountCommand implements Callable<Integer> {
    static final String READY = "READY";
    static final String FAILED = "FAILED";

    @Parameters(index = "0", paramLabel = "MOUNTPOINT", description = "An existing empty directory.")
    Path mountPoint;

    @Option(names = "--foreground", description = "Stay attached; Ctrl-C unmounts.")
    boolean foreground;

    @Option(names = "--modules", split = ",", paramLabel = "NAME", description = "Modules to load (default: all but test fixtures; 'all' includes them).")
    List<String> modules;

    @Option(names = "-o", split = ",", paramLabel = "OPTION", description = "Mount options; supported: allow_other.")
    List<String> mountOptions = List.of();

    @Option(names = {"-v", "--verbose"}, description = "Log every failed operation (debug level).")
    boolean verbose;

    @Option(names = "--machine", paramLabel = "FILE", description = "A machine profile (JSON); default: embedded.")
    Path machine;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the simulation; same seed, same numbers.")
    Long seed;

    @Option(names = "--clock", paramLabel = "real|frozen", description = "Simulation clock (default: real).")
    String clock = "real";

    @Option(names = "--clock-rate", paramLabel = "X", description = "Speed of the real clock (default: 1.0).")
    double clockRate = 1.0;

    @Option(names = "--state", paramLabel = "DIR", description = "Keep written tunables and module state in DIR.")
    Path stateDirectory;

    @Option(names = "--reset-state", description = "Start from defaults if the state in --state cannot be read.")
    boolean resetState;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A module parameter, e.g. etx_proc.size=64.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--no-auto-unmount", description = "Leave the mount in place if the daemon dies.")
    boolean noAutoUnmount;

    @Option(names = "--handler-timeout", paramLabel = "DURATION",
            description = "Abandon a module handler call with EIO after this long, e.g. 5s or 500ms; 0 for never (default: 5s).")
    String handlerTimeout;

    @Option(names = "--render-cap", paramLabel = "SIZE",
            description = "Largest content one read may render, e.g. 64M; more fails with EFBIG "
                    + "(default: 64M, or a quarter of the heap if that is smaller).")
    String renderCap;

    @Option(names = "--notify-stdout", hidden = true, description = "Report readiness on stdout (used by the launcher).")
    boolean notifyStdout;

    @Option(names = "--detach", hidden = true, description = "Started straight from the launcher script: runs as "
            + "the daemon, reports one line on stdout, then leaves the caller's stdout and stderr.")
    boolean detach;

    @Override
    public Integer call() throws Exception {
        Path absolute = MountPoints.real(mountPoint);
        if (detach) {
            foreground = true;
            notifyStdout = true;
        }
        MountOptions options;
        try {
            options = mountOptions();
            // Checked here too, so a mistake is one sentence from the command typed, not a failed daemon.
            handlerTimeoutDuration();
            renderCapBytes();
            checkArguments();
        } catch (MountProblem problem) {
            // A daemon started by the CLI reports it on its notify line, as every later failure.
            throw reportFailure(notifyStdout ? System.out : null, problem);
        }
        if (!foreground) {
            return new DaemonLauncher(absolute, this).launch();
        }
        return runForeground(absolute, options);
    }

    private int runForeground(Path absolute, MountOptions options) throws IOException, InterruptedException {
        PrintStream notify = notifyStdout ? System.out : null;
        // Before anything is created for this mount point; a mistake here is one sentence, as from the CLI.
        RuntimeFiles files;
        try {
            Preflight.check(absolute);
            // The runtime directory is claimed before anything in it is touched, then the state directory.
            files = RuntimeFiles.forMountPoint(absolute).create().claim(absolute);
            if (stateDirectory != null) {
                StateLock.claim(stateDirectory);
            }
        } catch (MountProblem problem) {
            throw reportFailure(notify, problem);
        }
        if (detach) {
            // Logging has not started yet (the warm-up thread never logs): it starts in this file.
            System.setProperty("uprocfs.log", files.log().toString());
            System.setProperty("uprocfs.appender", "FILE");
        }
        applyVerbose();
        ProcFs fs;
        MountSession session;
        // jnr-fuse's setup and the modules' init are independent: do them side by side.
        DaemonWarmUp.start();
        try {
            fs = startFileSystem();
        } catch (MountProblem problem) {
            throw reportFailure(notify, problem);
        }
        // The runtime files and the control channel while jnr-fuse is still warming up, not after the mount.
        Files.writeString(files.pidFile(), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
        Files.writeString(files.mountPointFile(), absolute.toString(), StandardCharsets.UTF_8);
        ControlServer control = ControlServer.start(fs, files.socket());
        try {
            DaemonWarmUp.await();
            session = MountSession.mount(fs, absolute, options, Duration.ofSeconds(30));
        } catch (MountProblem problem) {
            control.close();
            Files.deleteIfExists(files.pidFile());
            throw reportFailure(notify, problem);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            session.close();
        }, "unmount-on-signal"));
        if (detach) {
            // stderr first, so nothing after the report reaches the caller; stdout last, which closes the
            // launcher's pipe once it holds the report.
            InheritedStreams.stderrTo(files.log());
            notify.println(READY + " " + mountedSentence(absolute, ProcessHandle.current().pid(), files.log()));
            notify.flush();
            InheritedStreams.stdoutToNull();
        } else if (notify != null) {
            notify.println(READY + " " + ProcessHandle.current().pid());
            notify.flush();
        } else {
            System.err.println("uprocfs: mounted on " + absolute + "; press Ctrl-C to unmount.");
        }
        session.awaitUnmount();
        control.close();
        session.close();
        StateLock.release();
        LoggerFactory.getLogger(MountCommand.class).info("daemon for {} exits", absolute);
        files.removeAfterCleanExit();
        return 0;
    }

    /** Reports a failed start on the notify stream (when there is one) and returns the problem to throw. */
    private static MountProblem reportFailure(PrintStream notify, MountProblem problem) {
        if (notify != null) {
            // One line: the launcher reads only the first line of the daemon's report.
            notify.println(FAILED + " " + problem.getMessage().replace('\n', ' ') + " " + problem.exitCode());
            notify.flush();
        }
        return problem;
    }

    /** What 'uprocfs mount' answers once the daemon is ready. */
    static String mountedSentence(Path absolute, long pid, Path log) {
        return "uprocfs: mounted on " + absolute + " (daemon pid " + pid + ", log " + log + ")";
    }

    /** The largest machine profile read; the 64-CPU server with its processes is well under 1 MiB. */
    private static final long MAX_PROFILE_BYTES = 8L << 20;

    private ProcFs startFileSystem() throws IOException {
        ProcClock simulationClock = switch (clock) {
            case "real" -> {
                if (!(clockRate > 0)) {
                    throw new MountProblem("--clock-rate must be a positive number.", Preflight.EXIT_USAGE);
                }
                // Anchored at the host's boot, so real processes' start times and the host clocks tools use agree.
                yield new SystemProcClock(java.time.InstantSource.system(), SystemProcClock.hostUptimeNanos(), clockRate);
            }
            case "frozen" -> {
                Duration sinceBoot = Duration.ofNanos(SystemProcClock.hostUptimeNanos());
                yield new ManualClock(Instant.now().minus(sinceBoot), sinceBoot);
            }
            default -> throw new MountProblem("--clock must be 'real' or 'frozen', not '" + clock + "'.",
                    Preflight.EXIT_USAGE);
        };
        Map<String, String> moduleParameters = new LinkedHashMap<>(parameters);
        if (machine != null) {
            if (!Files.isReadable(machine)) {
                throw new MountProblem("The machine profile " + machine + " cannot be read.", Preflight.EXIT_USAGE);
            }
            // Type and size before reading: a FIFO would block the start, /dev/zero would fill the heap.
            if (!Files.isRegularFile(machine)) {
                throw new MountProblem("The machine profile " + machine + " is not a regular file.", Preflight.EXIT_USAGE);
            }
            long size = Files.size(machine);
            if (size > MAX_PROFILE_BYTES) {
                throw new MountProblem("The machine profile " + machine + " is " + (size >> 20) + " MiB; a profile is at most "
                        + (MAX_PROFILE_BYTES >> 20) + " MiB.", Preflight.EXIT_USAGE);
            }
            moduleParameters.put("machine", machine.toAbsolutePath().toString());
        }
        if (seed != null) {
            moduleParameters.put("seed", Long.toString(seed));
        }
        if (stateDirectory != null) {
            moduleParameters.put("state", stateDirectory.toAbsolutePath().toString());
        }
        if (resetState) {
            moduleParameters.put("reset-state", "true");
        }
        SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        List<String> chosen = modules != null && modules.equals(List.of("all"))
                ? List.copyOf(ModuleRegistry.discover(MountCommand.class.getClassLoader()).keySet()) : modules;
        ProcFsConfig config = new ProcFsConfig(simulationClock, random, moduleParameters, chosen,
                renderCapBytes(), 4096, handlerTimeoutDuration());
        try {
            return ProcFs.start(config);
        } catch (ProcException e) {
            String detail = e.detail().endsWith(".") ? e.detail() : e.detail() + ".";
            throw new MountProblem("The modules could not be loaded: " + detail, Preflight.EXIT_USAGE);
        }
    }

    /** Mistakes no option parser catches: empty names, a misspelt module in --param, a rate that is not a number. */
    private void checkArguments() {
        if (modules != null && (modules.isEmpty() || modules.contains(""))) {
            throw new MountProblem("--modules needs module names separated by commas, such as --modules hardware,process.",
                    Preflight.EXIT_USAGE);
        }
        if (stateDirectory != null && stateDirectory.toString().isBlank()) {
            throw new MountProblem("--state needs a directory.", Preflight.EXIT_USAGE);
        }
        if (!(clockRate > 0) || Double.isInfinite(clockRate)) {
            throw new MountProblem("--clock-rate must be a positive number, such as 1 or 10.", Preflight.EXIT_USAGE);
        }
        if (!parameters.isEmpty()) {
            java.util.Set<String> known = ModuleRegistry.discover(MountCommand.class.getClassLoader()).keySet();
            for (String key : parameters.keySet()) {
                int dot = key.indexOf('.');
                if (dot <= 0 || dot == key.length() - 1) {
                    throw new MountProblem("--param " + key + " must name a module and a key, such as etx_proc.size=64.",
                            Preflight.EXIT_USAGE);
                }
                if (!known.contains(key.substring(0, dot))) {
                    throw new MountProblem("--param " + key + " names no module: there is no module called "
                            + key.substring(0, dot) + ".", Preflight.EXIT_USAGE);
                }
            }
        }
    }

    private Duration handlerTimeoutDuration() {
        return handlerTimeout == null ? ProcFsConfig.DEFAULT_HANDLER_TIMEOUT
                : Quantities.duration("--handler-timeout", handlerTimeout);
    }

    private long renderCapBytes() {
        // A render doubles its buffer as it grows, so a cap near the heap would end in OutOfMemoryError
        // instead of EFBIG: by default a quarter of the heap, leaving room for the copy and other readers;
        // a chosen cap may go up to half the heap (the benchmark's 16 MiB stream needs more than a quarter).
        long quarterHeap = Runtime.getRuntime().maxMemory() / 4;
        long halfHeap = Runtime.getRuntime().maxMemory() / 2;
        if (renderCap != null) {
            long bytes = Quantities.bytes("--render-cap", renderCap, org.uprocfs.core.api.SeqBuffer.PAGE_SIZE);
            if (bytes > halfHeap && foreground) {
                // Only the daemon knows its heap: the CLI's own JVM may be larger.
                throw new MountProblem("--render-cap " + renderCap + " is more than half of the daemon's "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap; use at most " + (halfHeap >> 20)
                        + "M.", Preflight.EXIT_USAGE);
            }
            return bytes;
        }
        return Math.min(ProcFsConfig.DEFAULT_RENDER_CAP, quarterHeap);
    }

    private MountOptions mountOptions() {
        boolean allowOther = false;
        for (String option : mountOptions) {
            if (option.equals("allow_other")) {
                allowOther = true;
            } else {
                throw new MountProblem("The mount option '" + option + "' is not supported (only allow_other is).",
                        Preflight.EXIT_USAGE);
            }
        }
        return new MountOptions(allowOther, !noAutoUnmount, false);
    }

    private void applyVerbose() {
        if (verbose) {
            System.setProperty("uprocfs.level", "DEBUG");
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
    }

    /** The arguments that make a foreground daemon with the same settings. */
    List<String> daemonArguments(Path absolute) {
        List<String> args = new java.util.ArrayList<>(List.of("mount", "--foreground", "--notify-stdout"));
        if (modules != null) {
            args.add("--modules=" + String.join(",", modules));
        }
        if (!mountOptions.isEmpty()) {
            args.add("-o");
            args.add(String.join(",", mountOptions));
        }
        if (verbose) {
            args.add("--verbose");
        }
        if (machine != null) {
            args.add("--machine=" + machine.toAbsolutePath());
        }
        if (seed != null) {
            args.add("--seed=" + seed);
        }
        args.add("--clock=" + clock);
        args.add("--clock-rate=" + clockRate);
        if (stateDirectory != null) {
            args.add("--state=" + stateDirectory.toAbsolutePath());
        }
        if (resetState) {
            args.add("--reset-state");
        }
        if (noAutoUnmount) {
            args.add("--no-auto-unmount");
        }
        if (handlerTimeout != null) {
            args.add("--handler-timeout=" + handlerTimeout);
        }
        if (renderCap != null) {
            args.add("--render-cap=" + renderCap);
        }
        parameters.forEach((key, value) -> args.add("--param=" + key + "=" + value));
        args.add(absolute.toString());
        return args;
    }
}
