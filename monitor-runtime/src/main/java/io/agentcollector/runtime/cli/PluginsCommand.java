package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.config.PluginSettings;
import io.agentcollector.runtime.plugins.PluginCatalog;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "List installed plugins and their collectors.")
final class PluginsCommand extends ToolCommand {

  @Override
  int run(Setup setup) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "VERSION", "STATE", "COLLECTORS", "FILE"});
    for (PluginCatalog.LoadedPlugin p : setup.catalog().list()) {
      PluginSettings s = setup.config().plugin(p.id());
      List<String> names = new ArrayList<>();
      for (var c : p.collectors()) {
        names.add(
            s.collectorEnabled(c.name(), c.enabledByDefault()) ? c.name() : c.name() + "(off)");
      }
      rows.add(
          new String[] {
            p.id(),
            p.version(),
            s.enabled() ? "enabled" : "disabled",
            String.join(",", names),
            p.file().toString()
          });
    }
    setup
        .catalog()
        .failures()
        .forEach(
            (file, why) ->
                rows.add(new String[] {"-", "-", "failed: " + why, "-", file.toString()}));
    System.out.print(Table.render(rows));
    return 0;
  }
}
