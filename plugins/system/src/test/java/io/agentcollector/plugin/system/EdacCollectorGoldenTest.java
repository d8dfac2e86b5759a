package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * edac on {@code testdata/fixtures/edge/system-edac}, a hand-made two-socket server (the build VM
 * has no EDAC driver): mc0 with two csrows and one correctable error without a row, mc1 without
 * csrows and one uncorrectable error without a row.
 */
class EdacCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        EdacCollector::new, TestContext.forPlugin("system").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/system-edac")), "edac.prom");
  }

  @Test
  void countsPerControllerAndRow() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/system-edac"));
    assertThat(Exposition.value(out, "node_edac_correctable_errors_total", "controller", "0"))
        .hasValue(3);
    assertThat(
            Exposition.value(
                out,
                "node_edac_csrow_correctable_errors_total",
                "controller",
                "0",
                "csrow",
                "unknown"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out, "node_edac_csrow_correctable_errors_total", "controller", "0", "csrow", "0"))
        .hasValue(2);
    assertThat(Exposition.value(out, "node_edac_uncorrectable_errors_total", "controller", "1"))
        .hasValue(1);
  }

  @Test
  void noEdacIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).isZero();
    assertThat(run(HostPaths.under(root)).size()).isZero();
  }
}
