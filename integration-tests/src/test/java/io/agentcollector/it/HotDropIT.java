package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team drops a collector jar into plugins/, restarts, and its metric appears; removes it, it is
 * gone.
 */
class HotDropIT {

  @TempDir Path tmp;

  @Test
  void droppedPluginAppearsAfterRestartAndGoesAwayWhenRemoved() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path jar;
    try (var s = Files.list(home.resolve("plugins"))) {
      jar =
          s.filter(p -> p.getFileName().toString().startsWith("plugin-example"))
              .findFirst()
              .orElseThrow();
    }
    Path outside = Files.move(jar, tmp.resolve(jar.getFileName()));
    Map<String, String> env = Map.of("CONFIG_FORCE_plugins_example_enabled", "true");

    assertThat(scrapeOnce(home, env)).doesNotContain("example_value");
    // A section enabling a plugin that is not installed is a config error, so keep it out here.
    assertThat(AgentProcess.run(home, env, "check-config").exitCode()).isEqualTo(2);

    Files.copy(outside, home.resolve("plugins").resolve(jar.getFileName()));
    assertThat(scrapeOnce(home, env)).contains("example_value{").contains("name=\"hello\"} 42.0");

    Files.delete(home.resolve("plugins").resolve(jar.getFileName()));
    assertThat(scrapeOnce(home, Map.of())).doesNotContain("example_value");
  }

  private static String scrapeOnce(Path home, Map<String, String> env) {
    try (AgentProcess agent = AgentProcess.start(home, Ports.free(), env)) {
      String body;
      try {
        agent.awaitReady(Duration.ofSeconds(30));
        body = agent.metrics();
      } catch (AssertionError e) {
        body = "agent did not start: " + agent.log();
      }
      agent.stop();
      return body;
    }
  }
}
