package io.agentcollector.runtime.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.ConfigFactory;
import io.agentcollector.api.ApiVersion;
import io.agentcollector.runtime.Snapshot;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigLoader;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.agentcollector.testkit.PluginJarBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Plugin-Requires is the oldest API a plugin runs on: a plugin built for 0.1.0 (the old form) loads
 * and runs on this agent; one that needs a newer API than the agent's is skipped with one ERROR
 * line naming its file and both versions.
 */
class PluginRequiresTest {

  private static final String OLD =
      """
      package t.old;
      import io.agentcollector.api.*;
      import io.prometheus.metrics.model.snapshots.MetricSnapshots;
      public class OldCollector implements Collector {
        private String greeting;
        public String name() { return "old"; }
        public void start(CollectorContext context) { greeting = "hello"; }
        public MetricSnapshots collect() {
          MetricFamilies f = new MetricFamilies();
          f.gauge("old_started", "1 once start ran.").add(greeting == null ? 0 : 1);
          return f.build();
        }
      }""";

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(PluginCatalog.class)).addAppender(logs);
  }

  @AfterEach
  void detach() {
    ((Logger) LoggerFactory.getLogger(PluginCatalog.class)).detachAppender(logs);
  }

  @Test
  void aPluginBuiltForAPI010LoadsAndRunsOnThisAgent() {
    assertThat(ApiVersion.get()).as("the agent's API is newer than 0.1.0").isNotEqualTo("0.1.0");
    PluginJarBuilder.plugin("old")
        .requires("0.1.0")
        .collector("t.old.OldCollector", OLD)
        .buildJar(dir);

    try (PluginCatalog catalog = PluginCatalog.load(dir)) {
      assertThat(catalog.failures()).isEmpty();
      AgentConfig config =
          new ConfigLoader(dir, Map.of(), () -> "h")
              .load(ConfigFactory.empty(), catalog.installed());
      Snapshot.Result result = Snapshot.run(config, catalog, FakeClock.fixed(), null);
      assertThat(result.failures()).isEmpty();
      assertThat(Exposition.value(result.metrics(), "old_started")).hasValue(1);
    }
    assertThat(logs.list).isEmpty();
  }

  @Test
  void aPluginNeedingANewerApiIsSkippedWithOneErrorLineNamingFileAndVersions() {
    String agent = ApiVersion.get();
    String[] v = agent.split("\\.");
    String next = v[0] + "." + (Integer.parseInt(v[1]) + 1) + ".0";
    Path newer =
        PluginJarBuilder.plugin("newer")
            .requires(next)
            .collector("t.old.OldCollector", OLD)
            .buildJar(dir);
    Path range =
        PluginJarBuilder.plugin("ranged")
            .requires(">=0.1.0 & <" + agent)
            .collector("t.old.OldCollector", OLD)
            .buildJar(dir);
    PluginJarBuilder.plugin("current")
        .requires(agent)
        .collector("t.old.OldCollector", OLD)
        .buildJar(dir);

    try (PluginCatalog catalog = PluginCatalog.load(dir)) {
      assertThat(catalog.plugins()).containsOnlyKeys("current");
      assertThat(catalog.failures())
          .containsOnly(
              Map.entry(
                  newer,
                  "plugin newer requires agent API " + next + ", this agent provides " + agent),
              Map.entry(
                  range,
                  "plugin ranged requires agent API >=0.1.0 & <"
                      + agent
                      + ", this agent provides "
                      + agent));
    }
    List<String> errors =
        logs.list.stream()
            .filter(e -> e.getLevel() == Level.ERROR)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(errors)
        .containsExactlyInAnyOrder(
            "plugin "
                + newer
                + " not loaded: plugin newer requires agent API "
                + next
                + ", this agent provides "
                + agent,
            "plugin "
                + range
                + " not loaded: plugin ranged requires agent API >=0.1.0 & <"
                + agent
                + ", this agent provides "
                + agent);
  }
}
