package org.uprocfs.mount.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;

/**
 * Configures logback in code, found through logback's {@link Configurator} service: the daemon logs to the
 * file named by {@code -Duprocfs.log} when {@code -Duprocfs.appender=FILE} (both set by 'uprocfs mount'),
 * everything else to stderr, at {@code -Duprocfs.level} (INFO by default), jnr at WARN. Parsing a
 * logback.xml took about 80 ms of every start; logback's own status lines never reach stdout, where the
 * daemon reports readiness. A logback-test.xml on the class path (the test suites) takes precedence.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = "FILE".equals(System.getProperty("uprocfs.appender"))
                ? fileAppender(System.getProperty("uprocfs.log", "uprocfs.log")) : stderrAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        if (appender instanceof RollingFileAppender<ILoggingEvent> rolling) {
            startRolling(rolling, LOG_LIMIT_BYTES, 1000);
        }
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty("uprocfs.level"), Level.INFO));
        root.addAppender(appender);
        context.getLogger("jnr").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The daemon log's size before it rolls over; two older files are kept, so it never takes more than 3x. */
    static final long LOG_LIMIT_BYTES = 4L << 20;

    /** The daemon's log file; {@link #startRolling} makes it roll over instead of growing without bound. */
    static RollingFileAppender<ILoggingEvent> fileAppender(String file) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setName("FILE");
        appender.setFile(file);
        appender.setAppend(true);
        return appender;
    }

    /**
     * Rolls the log over at {@code limitBytes} into {@code FILE.1} and {@code FILE.2}, as logrotate would; the
     * policies need the appender's context, so this runs after it is set.
     */
    static void startRolling(RollingFileAppender<ILoggingEvent> appender, long limitBytes, long checkEveryMillis) {
        FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
        window.setContext(appender.getContext());
        window.setParent(appender);
        window.setFileNamePattern(appender.rawFileProperty() + ".%i");
        window.setMinIndex(1);
        window.setMaxIndex(2);
        window.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(appender.getContext());
        size.setMaxFileSize(new FileSize(limitBytes));
        // logback looks at the size at most this often (60 s by default, time enough for megabytes of -v).
        size.setCheckIncrement(Duration.buildByMilliseconds(checkEveryMillis));
        size.start();
        appender.setRollingPolicy(window);
        appender.setTriggeringPolicy(size);
    }

    private static OutputStreamAppender<ILoggingEvent> stderrAppender() {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setName("STDERR");
        appender.setTarget("System.err");
        return appender;
    }
}
