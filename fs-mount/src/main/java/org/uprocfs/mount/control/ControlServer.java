package org.uprocfs.mount.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.api.ProcException;
import org.uprocfs.core.module.LoadedModule;

/**
 * The daemon's end of the control channel: a Unix domain socket (0600, in a 0700 directory) taking one
 * line per connection - {@code insmod NAME}, {@code rmmod NAME}, {@code lsmod} - and answering
 * {@code OK} or {@code ERR sentence} followed by any output lines.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_REQUEST = 4096;
    /** How long a client may take to send its one line: an idle connection must not hold the channel. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** Connections answered at once; more wait for a free one only as long as the accept backlog holds them. */
    private static final int MAX_CONCURRENT = 8;

    private final ProcFs fs;
    private final Path socketPath;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final ThreadPoolExecutor handlers;
    private final ScheduledExecutorService deadlines;

    private ControlServer(ProcFs fs, Path socketPath, ServerSocketChannel server) {
        this.fs = fs;
        this.socketPath = socketPath;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "control-channel");
        this.acceptor.setDaemon(true);
        this.handlers = new ThreadPoolExecutor(0, MAX_CONCURRENT, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("control-request"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemonThreads("control-deadline"));
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Binds the socket (replacing a dead one) and starts answering. */
    public static ControlServer start(ProcFs fs, Path socketPath) throws IOException {
        Files.deleteIfExists(socketPath);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socketPath));
        Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-------"));
        ControlServer control = new ControlServer(fs, socketPath, server);
        control.acceptor.start();
        return control;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("control channel: {}", e.toString());
                }
                continue;
            }
            try {
                handlers.execute(() -> serve(client));
            } catch (RejectedExecutionException busy) {
                reply(client, "ERR The daemon is busy with " + MAX_CONCURRENT + " other requests; try again.\n");
            }
        }
    }

    /** One connection: its line within the request timeout (else it is dropped), then the answer. */
    private void serve(SocketChannel client) {
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(client),
                REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String request;
        try {
            request = readLine(client);
        } catch (IOException e) {
            LOG.warn("control channel: a client sent no request within {} ms", REQUEST_TIMEOUT.toMillis());
            closeQuietly(client);
            return;
        } finally {
            deadline.cancel(false);
        }
        reply(client, answer(request));
    }

    private static void reply(SocketChannel client, String response) {
        try (client) {
            client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.warn("control channel: {}", e.toString());
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // Closing is all that was wanted.
        }
    }

    /** Runs one request; module mistakes come back as plain sentences. */
    String answer(String request) {
        String[] words = request.trim().split("\\s+");
        try {
            switch (words[0]) {
                case "insmod" -> {
                    requireArgument(words);
                    fs.loadModule(words[1]);
                    LOG.info("insmod {}", words[1]);
                    return "OK\n";
                }
                case "rmmod" -> {
                    requireArgument(words);
                    fs.unloadModule(words[1]);
                    LOG.info("rmmod {}", words[1]);
                    return "OK\n";
                }
                case "lsmod" -> {
                    StringBuilder out = new StringBuilder("OK\n");
                    out.append(String.format("%-19s %8s  %s%n", "Module", "Size", "Used by"));
                    for (LoadedModule module : fs.modules().loadedModules()) {
                        out.append(String.format("%-19s %8d  %d%n", module.name(), module.size(), module.references()));
                    }
                    return out.toString();
                }
                case "available" -> {
                    return "OK\n" + String.join("\n", fs.modules().availableNames()) + "\n";
                }
                default -> {
                    return "ERR Unknown control command '" + words[0] + "'.\n";
                }
            }
        } catch (ProcException e) {
            return "ERR " + sentence(words, e) + "\n";
        }
    }

    private String sentence(String[] words, ProcException e) {
        String name = words.length > 1 ? words[1] : "";
        return switch (words[0]) {
            case "insmod" -> switch (e.errno()) {
                case EEXIST -> "Module " + name + " is already loaded.";
                case ENOENT -> "There is no module named " + name + "; available: "
                        + String.join(", ", fs.modules().availableNames()) + ".";
                default -> "Module " + name + " failed to load: " + e.getMessage() + ".";
            };
            case "rmmod" -> e.errno() == org.uprocfs.core.api.Errno.ENOENT
                    ? "Module " + name + " is not loaded."
                    : "Module " + name + " failed to unload: " + e.getMessage() + ".";
            default -> e.getMessage();
        };
    }

    private static void requireArgument(String[] words) {
        if (words.length < 2) {
            throw new ProcException(org.uprocfs.core.api.Errno.EINVAL, words[0] + " needs a module name");
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_REQUEST);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                break;
            }
            if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                break;
            }
        }
        buffer.flip();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    @Override
    public void close() {
        handlers.shutdownNow();
        deadlines.shutdownNow();
        try {
            server.close();
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            LOG.warn("closing the control channel: {}", e.toString());
        }
    }
}
