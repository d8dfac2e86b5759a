package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.Snapshot;
import io.agentcollector.runtime.config.ConfigError;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Run one cycle of the enabled collectors and print what /metrics would serve.")
final class SnapshotCommand extends ToolCommand {

  enum Format {
    table,
    prometheus
  }

  @Option(
      names = "--plugin",
      paramLabel = "ID",
      description = "Only this plugin (runs even if disabled in the config).")
  String plugin;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or prometheus (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  int run(Setup setup) {
    if (plugin != null && !setup.catalog().plugins().containsKey(plugin)) {
      throw new ConfigError(
          "--plugin "
              + plugin
              + ": no such plugin (installed: "
              + String.join(", ", new java.util.TreeSet<>(setup.catalog().plugins().keySet()))
              + ")");
    }
    var result = Snapshot.run(setup.config(), setup.catalog(), Clock.systemUTC(), plugin);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    out.print(
        format == Format.prometheus
            ? SnapshotOutput.prometheus(result.metrics())
            : SnapshotOutput.table(result, Table.terminalWidth(System.getenv("COLUMNS"))));
    out.flush();
    return result.failures().isEmpty() ? 0 : 1;
  }
}
