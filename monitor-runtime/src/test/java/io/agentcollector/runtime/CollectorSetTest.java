package io.agentcollector.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.ConfigFactory;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.config.ConfigError;
import io.agentcollector.runtime.config.ConfigLoader;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorState;
import io.agentcollector.runtime.schedule.FamilyOwners;
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
 * The runtime creates collectors itself: with the context in the constructor (API 0.2.0), or the
 * old way (no-arg constructor, then start), and handles what a constructor throws as it handles
 * what start throws.
 */
class CollectorSetTest {

  static final String IMPORTS =
      """
      import io.agentcollector.api.*;
      import io.prometheus.metrics.model.snapshots.MetricSnapshots;
      """;

  /** The form of API 0.2.0: registration in the annotation, final fields set in the constructor. */
  static final String FRESH =
      "package t.fresh;\n"
          + IMPORTS
          + """
      @CollectorInfo(name = "fresh", nodeExporter = true)
      public final class FreshCollector implements Collector {
        private final double value;
        private int cycles;
        public FreshCollector(CollectorContext context) {
          value = context.config().getDouble("value");
        }
        public MetricSnapshots collect() {
          MetricFamilies f = new MetricFamilies();
          f.gauge("fresh_value", "Set in plugins.fresh.value.").add(value);
          f.gauge("fresh_cycles", "Cycles of this instance.").add(++cycles);
          return f.build();
        }
      }""";

  /** The form of API 0.1.0: no annotation, name() overridden, settings read in start. */
  static final String OLD =
      "package t.old;\n"
          + IMPORTS
          + """
      public class OldCollector implements Collector {
        private double value;
        public String name() { return "old"; }
        public void start(CollectorContext context) { value = context.config().getDouble("value"); }
        public MetricSnapshots collect() {
          MetricFamilies f = new MetricFamilies();
          f.gauge("old_value", "Set in plugins.old.value.").add(value);
          return f.build();
        }
      }""";

  @TempDir Path home;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private PluginCatalog catalog;

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).addAppender(logs);
  }

  @AfterEach
  void close() {
    ((Logger) LoggerFactory.getLogger(CollectorRunner.class)).detachAppender(logs);
    if (catalog != null) {
      catalog.close();
    }
  }

  private AgentConfig load(String hocon) {
    catalog = PluginCatalog.load(home);
    return new ConfigLoader(home, Map.of(), () -> "h")
        .load(ConfigFactory.parseString(hocon), catalog.installed());
  }

  private CollectorSet start(AgentConfig config) {
    return CollectorSet.start(
        config,
        catalog,
        FakeClock.fixed(),
        new FamilyOwners(),
        CollectorSet.labelsOf(config),
        id -> true);
  }

  @Test
  void aCollectorTakingTheContextInItsConstructorRuns() throws Exception {
    PluginJarBuilder.plugin("fresh")
        .requires("0.2.0")
        .collector("t.fresh.FreshCollector", FRESH)
        .resource("fresh-defaults.conf", "value = 1.5\n")
        .buildJar(home);
    AgentConfig config = load("plugins.fresh.value = 2.5");

    assertThat(catalog.plugins().get("fresh").collectorNames()).containsExactly("fresh");
    Snapshot.Result result = Snapshot.run(config, catalog, FakeClock.fixed(), null);
    assertThat(result.failures()).isEmpty();
    assertThat(Exposition.value(result.metrics(), "fresh_value")).hasValue(2.5);

    try (CollectorSet set = start(config)) {
      assertThat(set.runners()).extracting(r -> r.collector().name()).containsExactly("fresh");
      assertThat(set.runners().get(0).collector().mirrorsNodeExporter())
          .as("from the annotation")
          .isTrue();
      assertThat(Exposition.value(set.runners().get(0).collector().collect(), "fresh_cycles"))
          .hasValue(1);
      assertThat(Exposition.value(set.runners().get(0).collector().collect(), "fresh_cycles"))
          .as("each start creates its own instance: Snapshot.run's saw one cycle, this one two")
          .hasValue(2);
    }
  }

  @Test
  void aCollectorOfTheOldFormStillRunsNamedByItsOverride() {
    PluginJarBuilder.plugin("old")
        .requires("0.1.0")
        .collector("t.old.OldCollector", OLD)
        .resource("old-defaults.conf", "value = 3\n")
        .buildJar(home);
    AgentConfig config = load("");

    assertThat(catalog.failures()).isEmpty();
    assertThat(catalog.plugins().get("old").collectorNames()).containsExactly("old");
    Snapshot.Result result = Snapshot.run(config, catalog, FakeClock.fixed(), null);
    assertThat(result.failures()).isEmpty();
    assertThat(Exposition.value(result.metrics(), "old_value")).hasValue(3);
  }

  @Test
  void aBadSettingReadInTheConstructorIsAConfigErrorNamingTheKey() {
    PluginJarBuilder.plugin("strict")
        .collector(
            "t.strict.StrictCollector",
            "package t.strict;\n"
                + IMPORTS
                + """
            @CollectorInfo(name = "strict")
            public final class StrictCollector implements Collector {
              private final int limit;
              public StrictCollector(CollectorContext context) {
                limit = context.config().getInt("limit");
              }
              public MetricSnapshots collect() { return MetricSnapshots.of(); }
            }""")
        .resource("strict-defaults.conf", "limit = 5\n")
        .buildJar(home);
    AgentConfig config = load("plugins.strict.limit = lots");

    assertThatThrownBy(() -> Snapshot.validate(config, catalog, FakeClock.fixed()))
        .isInstanceOf(ConfigError.class)
        .hasMessage("plugins.strict.limit = \"lots\": expected a whole number");
  }

  @Test
  void anyOtherExceptionOfAConstructorDisablesThatCollectorWithOneErrorLine() {
    PluginJarBuilder.plugin("fresh")
        .collector("t.fresh.FreshCollector", FRESH)
        .collector(
            "t.fresh.BrokenCollector",
            "package t.fresh;\n"
                + IMPORTS
                + """
            @CollectorInfo(name = "broken")
            public final class BrokenCollector implements Collector {
              public BrokenCollector(CollectorContext context) {
                throw new IllegalStateException("no such device /dev/broken");
              }
              public MetricSnapshots collect() { return MetricSnapshots.of(); }
            }""")
        .resource("fresh-defaults.conf", "value = 1.5\n")
        .buildJar(home);
    AgentConfig config = load("");

    String reason = "start failed: IllegalStateException: no such device /dev/broken";
    try (CollectorSet set = start(config)) {
      assertThat(set.runners())
          .extracting(CollectorRunner::id, CollectorRunner::state, CollectorRunner::lastError)
          .containsExactlyInAnyOrder(
              tuple("fresh/fresh", CollectorState.PENDING, ""),
              tuple("fresh/broken", CollectorState.DISABLED, reason));
    }
    List<String> errors =
        logs.list.stream()
            .filter(e -> e.getLevel() == Level.ERROR)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(errors).containsExactly("collector fresh/broken disabled: " + reason);
    Snapshot.Result result = Snapshot.run(config, catalog, FakeClock.fixed(), null);
    assertThat(Exposition.value(result.metrics(), "fresh_value"))
        .as("the other one runs")
        .hasValue(1.5);
  }

  @Test
  void aConstructorTakingTheContextNeedsTheAnnotation() {
    Path jar =
        PluginJarBuilder.plugin("nameless")
            .collector(
                "t.nameless.NamelessCollector",
                "package t.nameless;\n"
                    + IMPORTS
                    + """
            public final class NamelessCollector implements Collector {
              public NamelessCollector(CollectorContext context) { }
              public MetricSnapshots collect() { return MetricSnapshots.of(); }
            }""")
            .buildJar(home);
    load("");

    assertThat(catalog.plugins()).doesNotContainKey("nameless");
    assertThat(catalog.failures())
        .containsExactly(
            Map.entry(
                jar,
                "IllegalArgumentException: t.nameless.NamelessCollector takes a CollectorContext in its"
                    + " constructor but has no @CollectorInfo"));
  }
}
