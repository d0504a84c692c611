package org.uprocfs.mount.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uprocfs.core.ProcFs;
import org.uprocfs.core.ProcFsConfig;
import org.uprocfs.mount.session.MountProblem;

/** The control channel answers every client even while others sit idle, and the CLI gives up in time. */
class ControlChannelTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private ControlServer server() throws IOException {
        ProcFs fs = ProcFs.start(ProcFsConfig.defaults().withModules(List.of()), java.util.Map.of());
        ControlServer server = ControlServer.start(fs, dir.resolve("control.sock"));
        opened.add(server);
        return server;
    }

    private SocketChannel idleClient() throws IOException {
        SocketChannel idle = SocketChannel.open(StandardProtocolFamily.UNIX);
        idle.connect(UnixDomainSocketAddress.of(dir.resolve("control.sock")));
        opened.add(idle);
        return idle;
    }

    @Test
    void lsmod_whileClientsSitIdle_isAnsweredAtOnce() throws IOException {
        server();
        for (int i = 0; i < 3; i++) {
            idleClient();
        }
        long start = System.nanoTime();
        String answer = ControlClient.send(dir.resolve("control.sock"), "lsmod", Duration.ofSeconds(5));
        assertTrue(answer.startsWith("Module"), answer);
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "answered within a second");
    }

    @Test
    void idleClient_isDroppedAfterTheRequestTimeout() throws IOException {
        server();
        SocketChannel idle = idleClient();
        long start = System.nanoTime();
        int read = idle.read(ByteBuffer.allocate(16));
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertEquals(-1, read);
        assertTrue(waited >= ControlServer.REQUEST_TIMEOUT.toMillis() - 100 && waited < 10_000, waited + " ms");
    }

    @Test
    void send_toADaemonThatNeverAnswers_failsWithOneSentenceInTime() throws IOException {
        ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        silent.bind(UnixDomainSocketAddress.of(dir.resolve("silent.sock")));
        opened.add(silent);
        long start = System.nanoTime();
        MountProblem problem = assertThrows(MountProblem.class,
                () -> ControlClient.send(dir.resolve("silent.sock"), "lsmod", Duration.ofMillis(300)));
        assertTrue(problem.getMessage().contains("did not answer within"), problem.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }
}
