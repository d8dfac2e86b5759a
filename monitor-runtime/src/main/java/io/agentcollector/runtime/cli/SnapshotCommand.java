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

  @Option(names = "--plugin", paramLabel = "ID", description = "Only this plugin (runs even if disabled in the config).")
  String plugin;

  @Option(names = "--format", defaultValue = "table", description = "table or prometheus (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  int run(Setup setup) {
    if (plugin != null && !setup.catalog().plugins().containsKey(plugin)) {
      throw new ConfigError("--plugin " + plugin + ": no such plugin (installed: "
          + String.join(", ", new java.util.TreeSet<>(setup.catalog().plugins().keySet())) + ")");
    }
    var result = Snapshot.run(setup.config(), setup.catalog(), Clock.systemUTC(), plugin);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    if (format == Format.prometheus) {
      out.print(Snapshot.prometheusText(result.metrics()));
    } else {
      out.print(Table.render(SampleRows.of(Snapshot.prometheusText(result.metrics())),
          Table.terminalWidth(System.getenv("COLUMNS")), 1));
      if (!result.failures().isEmpty()) {
        out.println();
        result.failures().forEach((id, why) -> out.println("FAILED " + id + ": " + why));
      }
    }
    out.flush();
    return result.failures().isEmpty() ? 0 : 1;
  }
}
