package io.agentcollector.plugin.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schedstat on {@code testdata/fixtures/edge/cpu-schedstat}, a version 15 file (Linux 6.1) written
 * by hand: the build VM's kernel has no CONFIG_SCHEDSTATS.
 */
class SchedstatCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        SchedstatCollector::new, TestContext.forPlugin("cpu").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/cpu-schedstat")), "schedstat.prom");
  }

  @Test
  void nanosecondsBecomeSeconds() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/cpu-schedstat"));
    assertThat(Exposition.value(out, "node_schedstat_running_seconds_total", "cpu", "0"))
        .hasValue(2195.431254983);
    assertThat(Exposition.value(out, "node_schedstat_waiting_seconds_total", "cpu", "1"))
        .hasValue(187.120533908);
    assertThat(Exposition.value(out, "node_schedstat_timeslices_total", "cpu", "1"))
        .hasValue(1413902);
  }

  @Test
  void aU64AboveTheLongRangeStaysPositive(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(
        root.resolve("proc/schedstat"), "cpu0 0 0 0 0 0 0 18446744073709551615 0 1\n");
    assertThat(
            Exposition.value(
                run(HostPaths.under(root)), "node_schedstat_running_seconds_total", "cpu", "0"))
        .hasValue(18446744073.709551615);
  }

  @Test
  void noFileIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).isZero();
    assertThat(run(HostPaths.under(root)).size()).isZero();
  }
}
