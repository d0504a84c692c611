package org.uprocfs.mount.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.Preflight;

/** The CLI's end of the control channel: sends one request line and returns the daemon's answer. */
public final class ControlClient {
    private ControlClient() {
    }

    /** How long the CLI waits for the daemon's answer; loading a module takes well under a second. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** Sends a request; an {@code ERR} answer, no answer in time or an unreachable daemon becomes a {@link MountProblem}. */
    public static String send(Path socket, String request) {
        return send(socket, request, ANSWER_TIMEOUT);
    }

    /** Sends a request and waits at most {@code timeout} for the answer. */
    static String send(Path socket, String request, Duration timeout) {
        AtomicBoolean timedOut = new AtomicBoolean();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // A blocking channel has no read timeout: a watchdog closes it, which wakes the read.
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeout.toMillis());
                    timedOut.set(true);
                    channel.close();
                } catch (InterruptedException | IOException done) {
                    // Answered in time, or closed already.
                }
            }, "control-client-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                return exchange(channel, socket, request);
            } finally {
                watchdog.interrupt();
            }
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new MountProblem("The uprocfs daemon on " + socket + " did not answer within "
                        + timeout.toSeconds() + " s.", 1);
            }
            throw new MountProblem("No uprocfs daemon answers on " + socket + " (" + e.getMessage() + ").",
                    Preflight.EXIT_USAGE);
        }
    }

    private static String exchange(SocketChannel channel, Path socket, String request) throws IOException {
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.shutdownOutput();
        String answer = new String(readAll(channel), StandardCharsets.UTF_8);
        if (answer.startsWith("OK\n")) {
            return answer.substring(3);
        }
        String sentence = answer.startsWith("ERR ") ? answer.substring(4).trim() : answer.trim();
        throw new MountProblem(sentence.isEmpty() ? "The daemon gave no answer." : sentence, 1);
    }

    private static byte[] readAll(SocketChannel channel) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            out.write(buffer.array(), 0, buffer.limit());
            buffer.clear();
        }
        return out.toByteArray();
    }
}
