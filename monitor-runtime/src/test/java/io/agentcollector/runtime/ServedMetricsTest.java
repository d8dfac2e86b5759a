package io.agentcollector.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorSpec;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.RunnerServices;
import io.agentcollector.runtime.schedule.SeriesBudget;
import io.agentcollector.runtime.schedule.WorkerPool;
import io.agentcollector.runtime.selfmetrics.BuildInfo;
import io.agentcollector.runtime.selfmetrics.SelfMetrics;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ServedMetricsTest {

  private static Collector collector(String name, boolean mirrors, boolean fails) {
    return new Collector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean mirrorsNodeExporter() {
        return mirrors;
      }

      @Override
      public MetricSnapshots collect() throws Exception {
        if (fails) {
          throw new java.io.IOException("boom");
        }
        MetricFamilies f = new MetricFamilies();
        f.gauge(name + "_value", "h").add(1).add(2, "a", "b");
        return f.build();
      }
    };
  }

  private static CollectorRunner runner(
      String plugin, Collector c, SeriesBudget budget, RunnerServices services) {
    return new CollectorRunner(
        new CollectorSpec(plugin, c, Duration.ofSeconds(5), Duration.ofSeconds(1), budget),
        services);
  }

  @Test
  void selfMetricsPerCollectorAndNodeExporterCompatibleOnesForMirrors() {
    FakeClock clock = FakeClock.fixed();
    FamilyOwners owners = new FamilyOwners();
    LabelInjector labels = new LabelInjector(Map.of("host", "n1"));
    RunnerServices services = new RunnerServices(clock, labels, owners);
    List<CollectorRunner> runners =
        List.of(
            runner("cpu", collector("loadavg", true, false), SeriesBudget.unlimited(), services),
            runner("cpu", collector("stat", true, true), SeriesBudget.unlimited(), services),
            runner(
                "example",
                collector("example", false, false),
                new SeriesBudget(1, "plugins.example.max-series"),
                services));
    var timer = Executors.newSingleThreadScheduledExecutor();
    try {
      runners.forEach(r -> r.runOnce(timer));
    } finally {
      timer.shutdownNow();
    }
    SelfMetrics self =
        new SelfMetrics(
            runners,
            new BuildInfo("1.2.3", "abc", "17"),
            Map.of("cpu", "1.2.3", "example", "1.2.3"),
            1,
            null);
    ServedMetrics metrics = new ServedMetrics(runners, self, labels, null);
    MetricSnapshots all = metrics.collect();

    assertThat(Exposition.value(all, "loadavg_value", "a", "b", "host", "n1")).hasValue(2);
    assertThat(
            Exposition.value(
                all,
                "monitor_collector_success",
                "plugin",
                "cpu",
                "collector",
                "loadavg",
                "host",
                "n1"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                all, "monitor_collector_success", "plugin", "cpu", "collector", "stat"))
        .hasValue(0);
    assertThat(Exposition.value(all, "monitor_collector_errors_total", "collector", "stat"))
        .hasValue(1);
    assertThat(Exposition.value(all, "monitor_collector_series", "collector", "loadavg"))
        .hasValue(2);
    assertThat(
            Exposition.value(
                all, "monitor_collector_series_budget_exceeded_total", "collector", "loadavg"))
        .hasValue(0);
    assertThat(
            Exposition.value(
                all, "monitor_collector_series_budget_exceeded_total", "collector", "example"))
        .as("2 series over a budget of 1")
        .hasValue(1);
    assertThat(Exposition.value(all, "example_value")).as("refused").isEmpty();
    assertThat(Exposition.value(all, "monitor_collector_cpu_seconds_total", "collector", "loadavg"))
        .hasValue(runners.get(0).cpuSeconds());
    assertThat(
            Exposition.value(
                all, "monitor_collector_last_success_timestamp_seconds", "collector", "loadavg"))
        .hasValue(clock.millis() / 1000.0);
    assertThat(
            Exposition.value(
                all, "monitor_collector_last_success_timestamp_seconds", "collector", "stat"))
        .isEmpty();
    assertThat(Exposition.value(all, "node_scrape_collector_success", "collector", "loadavg"))
        .hasValue(1);
    assertThat(Exposition.value(all, "node_scrape_collector_success", "collector", "stat"))
        .hasValue(0);
    assertThat(Exposition.value(all, "node_scrape_collector_success", "collector", "example"))
        .as("only collectors that mirror node_exporter")
        .isEmpty();
    assertThat(
            Exposition.value(
                all,
                "monitor_build_info",
                "version",
                "1.2.3",
                "revision",
                "abc",
                "java_version",
                "17"))
        .hasValue(1);
    assertThat(Exposition.value(all, "monitor_plugin_load_failures", "host", "n1")).hasValue(1);
    assertThat(Exposition.text(all))
        .contains("# TYPE node_scrape_collector_duration_seconds gauge");
    assertThat(Exposition.value(all, "monitor_out_of_memory_errors_total", "host", "n1"))
        .hasValue(OutOfMemory.count());

    // Nothing ran for more than two intervals: OK by state, yet no longer "fresh and good".
    clock.advance(Duration.ofSeconds(11));
    MetricSnapshots later = metrics.collect();
    assertThat(
            Exposition.value(
                later, "monitor_collector_success", "plugin", "cpu", "collector", "loadavg"))
        .hasValue(0);
    assertThat(Exposition.value(later, "node_scrape_collector_success", "collector", "loadavg"))
        .hasValue(0);
  }

  @Test
  void givenUpThreadsOfTheScheduler() {
    try (WorkerPool pool = new WorkerPool(2, 2)) {
      SelfMetrics self =
          new SelfMetrics(List.of(), new BuildInfo("1.2.3", "abc", "17"), Map.of(), 0, pool);
      ServedMetrics metrics = new ServedMetrics(List.of(), self, new LabelInjector(Map.of()), null);
      MetricSnapshots all = metrics.collect();
      assertThat(Exposition.value(all, "monitor_scheduler_stuck_threads")).hasValue(0);
      assertThat(Exposition.value(all, "monitor_scheduler_abandoned_threads_total")).hasValue(0);
    }
  }

  @Test
  void everyExposedNameOfTheSelfMetricsIsReserved() {
    FamilyOwners owners = new FamilyOwners();
    SelfMetrics self =
        new SelfMetrics(List.of(), new BuildInfo("1", "r", "17"), Map.of("cpu", "1"), 0, null);
    ServedMetrics metrics = new ServedMetrics(List.of(), self, new LabelInjector(Map.of()), null);
    metrics.reserveNames(owners);
    for (String name :
        List.of(
            "monitor_collector_errors_total",
            "monitor_collector_series_budget_exceeded_total",
            "monitor_build_info",
            "monitor_build",
            "node_scrape_collector_success")) {
      MetricFamilies f = new MetricFamilies();
      f.gauge(name, "h").add(1);
      assertThat(owners.claim("p/c", f.build()).clashes()).as(name).hasSize(1);
    }
  }
}
