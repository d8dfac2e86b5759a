package io.agentcollector.plugin.net;

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
 * infiniband on {@code testdata/fixtures/edge/net-infiniband}, hand-made after the InfiniBand sysfs
 * ABI (the build VM has no HCA): an mlx5 EDR port, an mlx4 with two ports and {@code counters_ext}
 * (port 2 down, one counter {@code N/A (no PMA)}), and a QLogic device without {@code hca_type}
 * whose counter is written in hex.
 */
class InfinibandCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        InfinibandCollector::new, TestContext.forPlugin("net").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/net-infiniband")), "infiniband.prom");
  }

  @Test
  void statesRatesAndCounters() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/net-infiniband"));
    assertThat(
            Exposition.value(
                out, "node_infiniband_rate_bytes_per_second", "device", "mlx5_0", "port", "1"))
        .hasValue(12_500_000_000.0);
    assertThat(Exposition.value(out, "node_infiniband_rate_bytes_per_second", "device", "qib0"))
        .hasValue(312_500_000);
    assertThat(Exposition.value(out, "node_infiniband_state_id", "device", "mlx4_0", "port", "2"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_infiniband_port_data_transmitted_bytes_total",
                "device",
                "mlx5_0",
                "port",
                "1"))
        .as("4-byte words")
        .hasValue(3765873912.0 * 4);
    assertThat(
            Exposition.value(
                out,
                "node_infiniband_legacy_data_received_bytes_total",
                "device",
                "mlx4_0",
                "port",
                "2"))
        .hasValue(5600);
    assertThat(Exposition.value(out, "node_infiniband_vl15_dropped_total", "device", "mlx4_0"))
        .as("N/A (no PMA)")
        .isEmpty();
    assertThat(Exposition.value(out, "node_infiniband_link_downed_total", "device", "qib0"))
        .hasValue(10);
    assertThat(
            Exposition.value(
                out, "node_infiniband_info", "device", "qib0", "hca_type", "", "fw_ver", ""))
        .isEmpty();
    assertThat(Exposition.value(out, "node_infiniband_info", "device", "qib0", "hca_type", ""))
        .hasValue(1);
  }

  @Test
  void noInfinibandIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).isZero();
    assertThat(run(HostPaths.under(root)).size()).isZero();
  }
}
