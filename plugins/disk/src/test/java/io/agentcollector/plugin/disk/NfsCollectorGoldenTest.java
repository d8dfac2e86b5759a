package io.agentcollector.plugin.disk;

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

class NfsCollectorGoldenTest {

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(NfsCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /** Hand-written /proc/net/rpc/nfs of a client with NFSv2, v3 and a 69-column NFSv4 line. */
  @Test
  void client() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
    Golden.assertMatches(out, "nfs.prom");
    assertThat(Exposition.value(out, "node_nfs_rpcs_total")).hasValue(1318215);
    assertThat(Exposition.value(out, "node_nfs_rpc_retransmissions_total")).hasValue(3);
    assertThat(Exposition.value(out, "node_nfs_rpc_authentication_refreshes_total"))
        .hasValue(1318227);
    assertThat(Exposition.value(out, "node_nfs_packets_total", "protocol", "tcp")).hasValue(0);
    assertThat(Exposition.value(out, "node_nfs_requests_total", "proto", "3", "method", "GetAttr"))
        .hasValue(291017);
    assertThat(Exposition.value(out, "node_nfs_requests_total", "proto", "2", "method", "Null"))
        .hasValue(0);
    assertThat(Exposition.value(out, "node_nfs_requests_total", "proto", "4", "method", "Lookup"))
        .hasValue(1203344);
    assertThat(Exposition.value(out, "node_nfs_requests_total", "proto", "4", "method", "Clone"))
        .isPresent();
  }

  @Test
  void noNfsClientIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }
}
