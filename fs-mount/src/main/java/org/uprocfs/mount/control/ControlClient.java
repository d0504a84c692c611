package org.uprocfs.mount.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.uprocfs.mount.session.MountProblem;
import org.uprocfs.mount.session.Preflight;

/** The CLI's end of the control channel: sends one request line and returns the daemon's answer. */
public final class ControlClient {
    private ControlClient() {
    }

    /** Sends a request; an {@code ERR} answer or an unreachable daemon becomes a {@link MountProblem}. */
    public static String send(Path socket, String request) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            String answer = new String(readAll(channel),
                    StandardCharsets.UTF_8);
            if (answer.startsWith("OK\n")) {
                return answer.substring(3);
            }
            String sentence = answer.startsWith("ERR ") ? answer.substring(4).trim() : answer.trim();
            throw new MountProblem(sentence.isEmpty() ? "The daemon gave no answer." : sentence, 1);
        } catch (IOException e) {
            throw new MountProblem("No uprocfs daemon answers on " + socket + " (" + e.getMessage() + ").",
                    Preflight.EXIT_USAGE);
        }
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
