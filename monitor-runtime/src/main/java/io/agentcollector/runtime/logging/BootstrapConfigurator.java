package io.agentcollector.runtime.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration until the agent has read its own ({@link LoggingSetup}): INFO and up to
 * stderr, libraries quieted. Found by Logback through {@code META-INF/services}, in place of a
 * {@code logback.xml}: reading XML made Logback load its XML parser and configuration model, ~650
 * classes (~4 MB of metaspace and ~0.2 s of start) for a configuration that lives a second. A
 * {@code logback-test.xml} (the tests' class path) still wins.
 */
public final class BootstrapConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    if (BootstrapConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LoggingSetup.levels(ctx, "INFO").addAppender(LoggingSetup.console(ctx, false, false));
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
