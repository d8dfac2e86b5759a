package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.Snapshot;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.PluginSettings;
import io.agentcollector.runtime.plugins.PluginCatalog;
import java.time.Clock;
import picocli.CommandLine.Command;

@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description = "Validate the configuration (and every enabled plugin's settings), print the effective settings.")
final class CheckConfigCommand extends ToolCommand {

  @Override
  int run(Setup setup) {
    AgentConfig c = setup.config();
    Snapshot.validate(c, setup.catalog(), Clock.systemUTC());
    System.out.println("config OK: " + setup.configFile());
    System.out.println("web.listen-address = " + c.listenAddress());
    System.out.println("host.label = " + c.hostLabel().orElse("(none)"));
    System.out.println("labels = " + c.staticLabels());
    System.out.println("host paths = " + c.hostPaths());
    System.out.println("plugins-dir = " + c.pluginsDir());
    for (PluginCatalog.LoadedPlugin p : setup.catalog().list()) {
      PluginSettings s = c.plugin(p.id());
      System.out.println("plugins." + p.id() + ": " + (s.enabled()
          ? "enabled, interval " + s.interval().toMillis() + "ms, timeout " + s.timeout().toMillis() + "ms"
          : "disabled"));
    }
    return 0;
  }
}
