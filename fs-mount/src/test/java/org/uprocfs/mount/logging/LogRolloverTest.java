package org.uprocfs.mount.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's log rolls over at its limit and keeps two older files, so a noisy mount cannot fill the disk. */
class LogRolloverTest {
    @TempDir
    Path dir;

    @Test
    void fileAppender_pastItsLimit_rollsOverAndKeepsTwoOlderFiles() throws IOException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        Path log = dir.resolve("daemon.log");
        RollingFileAppender<ILoggingEvent> appender = LogConfigurator.fileAppender(log.toString());
        appender.setContext(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        long limit = 64 * 1024;
        LogConfigurator.startRolling(appender, limit, 0);
        appender.start();
        Logger logger = context.getLogger("noisy");
        logger.addAppender(appender);
        String line = "x".repeat(200);
        for (int i = 0; i < 5_000; i++) {
            logger.info(line);
        }
        appender.stop();
        assertTrue(Files.exists(dir.resolve("daemon.log.1")));
        assertTrue(Files.exists(dir.resolve("daemon.log.2")));
        assertFalse(Files.exists(dir.resolve("daemon.log.3")));
        // The size policy checks now and then, not at every line: allow a little overshoot.
        assertTrue(Files.size(log) < 4 * limit, Files.size(log) + " bytes");
    }
}
