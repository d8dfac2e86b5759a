package io.agentcollector.runtime.cli;

import io.agentcollector.runtime.Snapshot;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.http.HttpEndpoint;
import io.agentcollector.runtime.http.webconfig.WebConfig;
import java.time.Clock;
import java.util.TreeSet;
import picocli.CommandLine.Command;

@Command(
    name = "check-config",
    mixinStandardHelpOptions = true,
    description =
        "Validate the configuration (and every enabled plugin's settings), print the effective settings.")
final class CheckConfigCommand extends ToolCommand {

  @Override
  int run(Setup setup) {
    AgentConfig c = setup.config();
    Snapshot.validate(c, setup.catalog(), Clock.systemUTC());
    WebConfig web = HttpEndpoint.loadWebConfig(c.webConfigFile().orElse(null));
    System.out.println("config OK: " + setup.configFile());
    EffectiveSettings.agent(c).forEach(System.out::println);
    if (c.webConfigFile().isPresent()) {
      System.out.println(
          "web config "
              + c.webConfigFile().get()
              + ": TLS "
              + (web.tls() == null ? "off" : "on, client certificates " + web.tls().clientAuth())
              + ", "
              + web.users().size()
              + " basic auth users");
    }
    for (String id : new TreeSet<>(setup.catalog().installed().keySet())) {
      EffectiveSettings.plugin(c, id).forEach(System.out::println);
    }
    return 0;
  }
}
