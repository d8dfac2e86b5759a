package io.agentcollector.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.AgentProcess;
import io.agentcollector.testkit.Distribution;
import io.agentcollector.testkit.PluginJarBuilder;
import io.agentcollector.testkit.Ports;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins next to a good one: the agent starts, keeps answering while a collector hangs, and
 * the self-metrics and one log line per problem say what is wrong.
 */
class RobustnessIT {

  @TempDir Path tmp;

  private static final String IMPORTS =
      "import io.agentcollector.api.*;\nimport io.prometheus.metrics.model.snapshots.MetricSnapshots;\n";

  @Test
  void brokenPluginsDoNotTakeTheAgentDown() throws Exception {
    Path home = Distribution.unpack(tmp);
    Path plugins = home.resolve("plugins");

    PluginJarBuilder.plugin("boom")
        .collector(
            "t.boom.BoomCollector",
            "package t.boom;\n"
                + IMPORTS
                + """
            public class BoomCollector implements Collector {
              public String name() { return "boom"; }
              public void start(CollectorContext c) { throw new IllegalStateException("no such device /dev/boom"); }
              public MetricSnapshots collect() { return MetricSnapshots.of(); }
            }""")
        .buildJar(plugins);
    PluginJarBuilder.plugin("hang")
        .collector(
            "t.hang.HangCollector",
            "package t.hang;\n"
                + IMPORTS
                + """
            public class HangCollector implements Collector {
              private int cycles;
              public String name() { return "hang"; }
              public MetricSnapshots collect() {
                if (++cycles >= 2) {
                  // Hang for 10 s (10x the timeout) and ignore the interrupt, like a stuck syscall.
                  long end = System.nanoTime() + 10_000_000_000L;
                  while (System.nanoTime() < end) {
                    try { Thread.sleep(100); } catch (InterruptedException ignored) { }
                  }
                }
                MetricFamilies f = new MetricFamilies();
                f.gauge("hang_cycles", "Cycles run.").add(cycles);
                return f.build();
              }
            }""")
        .buildJar(plugins);
    PluginJarBuilder.plugin("bundled")
        .collector(
            "t.bundled.BundledCollector",
            "package t.bundled;\n"
                + IMPORTS
                + """
            import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
            public class BundledCollector implements Collector {
              public String name() { return "bundled"; }
              public MetricSnapshots collect() {
                return MetricSnapshots.of(GaugeSnapshot.builder().name("bundled_ok").help("Loaded with its own client_java.")
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build()).build());
              }
            }""")
        .buildDirectory(plugins, List.of(jarOf(MetricSnapshots.class), jarOf(Counter.class)));
    PluginJarBuilder.plugin("svc")
        .viaServiceLoader()
        .collector(
            "t.svc.SvcCollector",
            "package t.svc;\n"
                + IMPORTS
                + """
            public class SvcCollector implements Collector {
              public String name() { return "svc"; }
              public MetricSnapshots collect() {
                MetricFamilies f = new MetricFamilies();
                f.gauge("svc_value", "Declared in META-INF/services.").add(7);
                return f.build();
              }
            }""")
        .buildJar(plugins);
    PluginJarBuilder.plugin("newer")
        .requires("99.0.0")
        .collector(
            "t.newer.NewerCollector",
            "package t.newer;\n"
                + IMPORTS
                + """
            public class NewerCollector implements Collector {
              public String name() { return "newer"; }
              public MetricSnapshots collect() { return MetricSnapshots.of(); }
            }""")
        .buildJar(plugins);
    PluginJarBuilder.corruptJar(plugins, "corrupt.jar");

    Path conf = tmp.resolve("monitor.conf");
    Files.writeString(
        conf,
        """
        host.label = ""
        self-metrics.jvm = false
        plugins.defaults { interval = 1s, timeout = 1s }
        plugins.example.enabled = true
        """);
    int port = Ports.free();
    try (AgentProcess agent =
        AgentProcess.start(home, port, Map.of(), "--config", conf.toString())) {
      agent.awaitReady(Duration.ofSeconds(30));
      awaitMetric(agent, "monitor_collector_success{collector=\"hang\",plugin=\"hang\"} 0.0");

      // The hang collector is now stuck for ~10 s: every scrape still answers from snapshots.
      long worstMillis = 0;
      String metrics = "";
      for (int i = 0; i < 20; i++) {
        long t0 = System.nanoTime();
        metrics = agent.metrics();
        worstMillis = Math.max(worstMillis, (System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(200);
      }
      assertThat(worstMillis).as("no scrape waits for the hung collector (10 s)").isLessThan(5_000);

      assertThat(metrics)
          .contains("example_value{name=\"hello\"} 42.0")
          .contains("bundled_ok 1.0")
          .contains("svc_value 7.0")
          .contains("monitor_collector_success{collector=\"boom\",plugin=\"boom\"} 0.0")
          .contains("monitor_collector_success{collector=\"hang\",plugin=\"hang\"} 0.0")
          .contains("monitor_collector_success{collector=\"example\",plugin=\"example\"} 1.0")
          .contains("monitor_plugin_load_failures 2.0")
          .doesNotContain("newer")
          // Its last good result (cycle 1) is older than 3 intervals by now: no longer served.
          .doesNotContain("hang_cycles");
      assertThat(
              value(metrics, "monitor_collector_errors_total{collector=\"hang\",plugin=\"hang\"}"))
          .as("the timeout and the ticks skipped while it hangs count as failures")
          .isGreaterThanOrEqualTo(2);

      String log = agent.log();
      assertThat(log).doesNotContain("\tat ").doesNotContain("Exception in thread");
      // The first failure is the 1 s timeout, or, when the first cycle started late on a loaded
      // machine, the tick that finds it overdue: either way one WARN, not one per cycle.
      assertThat(count(log, "collector hang/hang failing: "))
          .as("one WARN per state change, not per cycle:\n%s", log)
          .isEqualTo(1);
      assertThat(log)
          .containsPattern(
              "collector hang/hang failing: (timed out after 1s and was interrupted"
                  + "|no cycle completed in 2s: its cycle is still running)");
      assertThat(
              count(
                  log,
                  "collector boom/boom disabled: start failed: IllegalStateException: no such device /dev/boom"))
          .isEqualTo(1);
      assertThat(log).containsPattern("ERROR .*plugin .*/plugins/corrupt\\.jar not loaded: ");
      assertThat(log)
          .containsPattern(
              "ERROR .*plugin .*/plugins/newer\\.jar not loaded: plugin newer requires agent API 99\\.0\\.0, this agent provides 0\\.2\\.0");
      assertThat(agent.get("/").body())
          .contains("corrupt.jar")
          .contains("FAILING")
          .contains("DISABLED");
    }
  }

  private static Path jarOf(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static void awaitMetric(AgentProcess agent, String line) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (agent.metrics().contains(line)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "never saw " + line + " in:\n" + agent.metrics() + "\nlog:\n" + agent.log());
  }

  static double value(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + series));
  }

  private static long count(String text, String needle) {
    return text.lines().filter(l -> l.contains(needle)).count();
  }
}
