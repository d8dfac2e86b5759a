package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.Agent;
import io.agentcollector.runtime.OutOfMemory;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.LoggingConfig;
import io.agentcollector.runtime.logging.LoggingSetup;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "run",
    description = "Run the agent (the default).",
    mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {

  @ParentCommand Main parent;

  RunCommand withParent(Main main) {
    this.parent = main;
    return this;
  }

  @Override
  public Integer call() {
    LoggingSetup.configure(LoggingConfig.bootstrap(), true);
    // One line instead of a stack trace per dying thread; out of memory ends the process.
    OutOfMemory.install();
    Setup setup;
    Agent agent;
    try {
      setup = Setup.load(parent.config);
      LoggingSetup.configure(setup.config().logging(), true);
      agent =
          Agent.start(
              setup.config(),
              setup.catalog(),
              Clock.systemUTC(),
              java.nio.file.Files.exists(setup.configFile()) ? setup.configFile() : null);
    } catch (ConfigError e) {
      System.err.println("monitor: " + e.getMessage());
      return Main.USER_ERROR;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // HTTPServer threads are daemons: main must stay alive until SIGTERM/SIGINT.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                },
                "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
