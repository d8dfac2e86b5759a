package io.agentcollector.runtime.cli;

import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code bin/monitor}: runs the agent, or one of its tools. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Host and container metrics for Prometheus, in one process.",
    subcommands = {
      RunCommand.class,
      SnapshotCommand.class,
      PluginsCommand.class,
      CheckConfigCommand.class
    })
public final class Main implements java.util.concurrent.Callable<Integer> {

  /** Exit code for a user mistake: bad config, busy port, unreadable file. */
  static final int USER_ERROR = 2;

  @Option(
      names = {"-c", "--config"},
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Configuration file (default: configs/monitor.conf of the install directory).")
  Path config;

  @Override
  public Integer call() {
    return new RunCommand().withParent(this).call();
  }

  public static void main(String[] args) {
    // The JDK HTTP server leaves Nagle on: every response on a kept-alive connection (how
    // Prometheus scrapes) then waits ~40 ms for the client's delayed ACK. Read once, at class
    // load of the server, so it must be set before anything touches it.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Bounds on a request's and a response's time, as client_java's HTTPServer sets them: a
    // stalled client must not hold one of the few HTTP threads for ever.
    System.setProperty(
        "sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "60"));
    System.setProperty(
        "sun.net.httpserver.maxRspTime",
        System.getProperty("sun.net.httpserver.maxRspTime", "600"));
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // A user mistake found outside the commands' own handling (a plugin's setting read
          // late): still one line and exit code 2.
          if (e instanceof ConfigError || e instanceof InvalidConfigException) {
            commandLine.getErr().println("monitor: " + e.getMessage());
            return USER_ERROR;
          }
          commandLine.getErr().println("monitor: internal error: " + e);
          return 1;
        });
    return cl.execute(args);
  }

  /** The install directory: {@code -Dmonitor.home} (set by bin/monitor), else the working dir. */
  static Path home() {
    String home = System.getProperty("monitor.home");
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo b = BuildInfo.get();
      return new String[] {
        "agent-collector " + b.version(), "revision " + b.revision(), "Java " + b.javaVersion()
      };
    }
  }
}
