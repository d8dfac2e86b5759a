package io.agentcollector.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import io.agentcollector.runtime.config.LoggingConfig;
import org.slf4j.LoggerFactory;

/** Configures Logback from the {@code logging} section (no logback.xml for users to learn). */
public final class LoggingSetup {

  private static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n";

  private LoggingSetup() {}

  /**
   * @param toStdout console output to stdout ({@code run}) or stderr (commands whose stdout is
   *     their output, like {@code snapshot})
   */
  public static void configure(LoggingConfig config, boolean toStdout) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    Logger root = levels(ctx, config.level());
    if (config.console()) {
      root.addAppender(console(ctx, toStdout, config.json()));
    }
    config.file().ifPresent(file -> root.addAppender(file(ctx, config, file)));
  }

  /**
   * The root level and the quieter levels of libraries; the root logger, which gets the appenders.
   */
  static Logger levels(LoggerContext ctx, String level) {
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    // PF4J logs stack traces for problems the agent already reports in one line.
    ctx.getLogger("org.pf4j").setLevel(Level.OFF);
    // Client libraries of plugins log every retry at INFO; the plugins log state changes once.
    ctx.getLogger("org.apache.hc").setLevel(Level.WARN);
    ctx.getLogger("com.github.dockerjava").setLevel(Level.WARN);
    ctx.getLogger("io.fabric8").setLevel(Level.WARN);
    // Jetty logs its version and every start at INFO; the agent logs "listening" once.
    ctx.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    // The pod informer warns with a stack trace at every retry while the API server is away;
    // k8s-labels logs that change once and shows it in monitor_container_enricher_status.
    ctx.getLogger("io.fabric8.kubernetes.client.informers").setLevel(Level.ERROR);
    return root;
  }

  /** A console appender in the agent's text format, started. */
  static ConsoleAppender<ILoggingEvent> console(LoggerContext ctx, boolean toStdout, boolean json) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("console");
    console.setTarget(toStdout ? "System.out" : "System.err");
    console.setEncoder(encoder(ctx, json));
    console.start();
    return console;
  }

  private static RollingFileAppender<ILoggingEvent> file(
      LoggerContext ctx, LoggingConfig config, String file) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(ctx);
    appender.setName("file");
    appender.setFile(file);
    appender.setEncoder(encoder(ctx, config.json()));
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(ctx);
    rolling.setParent(appender);
    rolling.setFileNamePattern(file + ".%i");
    rolling.setMinIndex(1);
    rolling.setMaxIndex(config.fileMaxHistory());
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(ctx);
    trigger.setMaxFileSize(new FileSize(config.fileMaxSize()));
    // Logback checks the size at most once a minute by default; our logs are rare and small.
    trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildBySeconds(1));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.start();
    return appender;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, boolean json) {
    if (json) {
      JsonEncoder e = new JsonEncoder();
      e.setContext(ctx);
      e.setWithSequenceNumber(false);
      e.setWithContext(false);
      e.setWithNanoseconds(false);
      // One readable message per line, not the pattern and its arguments apart.
      e.setWithFormattedMessage(true);
      e.setWithMessage(false);
      e.setWithArguments(false);
      e.start();
      return e;
    }
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(PATTERN);
    e.start();
    return e;
  }
}
