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
 * fibrechannel on {@code testdata/fixtures/edge/net-fibrechannel}, hand-made after the FC transport
 * class (the build VM has no HBA): a QLogic host online with two counters the firmware does not
 * implement (all ones), and one link down without {@code seconds_since_last_reset}.
 */
class FibrechannelCollectorGoldenTest {

  static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        FibrechannelCollector::new, TestContext.forPlugin("net").withHostPaths(paths));
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(Fixtures.hostPaths("edge/net-fibrechannel")), "fibrechannel.prom");
  }

  @Test
  void infoAndCounters() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths("edge/net-fibrechannel"));
    assertThat(
            Exposition.value(
                out,
                "node_fibrechannel_info",
                "fc_host",
                "host0",
                "port_name",
                "21000024ff7ef9d5",
                "port_id",
                "010a00",
                "speed",
                "16 Gbit"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_fibrechannel_rx_frames_total", "fc_host", "host0"))
        .hasValue(0x3f7c2a);
    assertThat(Exposition.value(out, "node_fibrechannel_dumped_frames_total", "fc_host", "host0"))
        .as("all ones: not implemented")
        .isEmpty();
    assertThat(
            Exposition.value(
                out, "node_fibrechannel_seconds_since_last_reset_total", "fc_host", "host1"))
        .as("no file: 0")
        .hasValue(0);
    assertThat(Exposition.value(out, "node_fibrechannel_info", "fabric_name", "0")).hasValue(1);
  }

  @Test
  void noAdapterIsNoSeriesAndNoFailure(@TempDir Path root) throws Exception {
    assertThat(run(Fixtures.hostPaths()).size()).isZero();
    assertThat(run(HostPaths.under(root)).size()).isZero();
  }
}
