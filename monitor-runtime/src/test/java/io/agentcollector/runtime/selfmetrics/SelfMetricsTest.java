package io.agentcollector.runtime.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorSpec;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.RunnerServices;
import io.agentcollector.runtime.schedule.SeriesBudget;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.FakeClock;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfMetricsTest {

  private static final Collector LOADAVG =
      new Collector() {
        @Override
        public String name() {
          return "loadavg";
        }

        @Override
        public MetricSnapshots collect() {
          return MetricSnapshots.of();
        }
      };

  @Test
  void aCollectorWithoutAFinishedCycleIsNotYetInNodeExportersFamilies() {
    CollectorRunner pending =
        new CollectorRunner(
            new CollectorSpec(
                "cpu",
                LOADAVG,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                SeriesBudget.unlimited()),
            new RunnerServices(
                FakeClock.fixed(), new LabelInjector(Map.of("host", "n1")), new FamilyOwners()));
    SelfMetrics self =
        new SelfMetrics(List.of(pending), new BuildInfo("1", "r", "17"), Map.of(), 2, null);
    MetricSnapshots all = self.collect();
    assertThat(Exposition.text(all))
        .as("no host label: the served metrics add it")
        .contains("monitor_collector_success{collector=\"loadavg\",plugin=\"cpu\"} 0.0\n");
    assertThat(Exposition.value(all, "node_scrape_collector_success", "collector", "loadavg"))
        .isEmpty();
    assertThat(Exposition.value(all, "monitor_plugin_load_failures")).hasValue(2);
    assertThat(Exposition.text(all)).as("no scheduler").doesNotContain("monitor_scheduler_");
    assertThat(self.schedulerVersion()).isZero();
  }
}
