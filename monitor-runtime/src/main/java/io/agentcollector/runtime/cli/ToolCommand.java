package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.LoggingConfig;
import io.agentcollector.runtime.logging.LoggingSetup;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * A command that loads the config and plugins, does its work and exits: logs go to stderr (stdout
 * is the command's output), a user mistake is one line and exit code 2.
 */
abstract class ToolCommand implements Callable<Integer> {

  @ParentCommand Main parent;

  @Override
  public final Integer call() throws Exception {
    LoggingSetup.configure(LoggingConfig.bootstrap(), false);
    try {
      Setup setup = Setup.load(parent.config);
      try (var catalog = setup.catalog()) {
        return run(setup);
      }
    } catch (ConfigError e) {
      System.err.println("monitor: " + e.getMessage());
      return Main.USER_ERROR;
    }
  }

  /** The command's work; the plugins are stopped afterwards. */
  abstract int run(Setup setup) throws Exception;
}
