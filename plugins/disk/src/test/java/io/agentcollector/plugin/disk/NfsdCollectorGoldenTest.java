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

class NfsdCollectorGoldenTest {

  private static MetricSnapshots run(HostPaths paths) throws Exception {
    return CollectorRun.once(
        NfsdCollector::new, TestContext.forPlugin("disk").withHostPaths(paths));
  }

  /** Hand-written /proc/net/rpc/nfsd of a Linux 6.x server: no NFSv2, 93 NFSv4 operations. */
  @Test
  void server() throws Exception {
    MetricSnapshots out = run(Fixtures.hostPaths(MdadmCollectorGoldenTest.TREE));
    Golden.assertMatches(out, "nfsd.prom");
    assertThat(Exposition.value(out, "node_nfsd_reply_cache_misses_total")).hasValue(1912234);
    assertThat(Exposition.value(out, "node_nfsd_disk_bytes_read_total")).hasValue(1073741824000.0);
    assertThat(Exposition.value(out, "node_nfsd_server_threads")).hasValue(16);
    assertThat(Exposition.value(out, "node_nfsd_packets_total", "proto", "tcp")).hasValue(58925248);
    assertThat(Exposition.value(out, "node_nfsd_connections_total")).hasValue(431);
    assertThat(Exposition.value(out, "node_nfsd_rpc_errors_total", "error", "fmt")).hasValue(40);
    assertThat(Exposition.value(out, "node_nfsd_rpc_errors_total", "error", "auth")).hasValue(8);
    assertThat(Exposition.value(out, "node_nfsd_server_rpcs_total")).hasValue(58925200);
    assertThat(Exposition.value(out, "node_nfsd_requests_total", "proto", "4", "method", "Read"))
        .hasValue(5210034);
    assertThat(Exposition.value(out, "node_nfsd_requests_total", "proto", "3", "method", "Null"))
        .as("node_exporter leaves NULL out")
        .isEmpty();
    assertThat(
            Exposition.value(out, "node_nfsd_requests_total", "proto", "4", "method", "PutRootFH"))
        .as("nor does it list PUTROOTFH")
        .isEmpty();
    assertThat(Exposition.value(out, "node_nfsd_requests_total", "proto", "2", "method", "Read"))
        .as("no NFSv2 line: 0, as node_exporter")
        .hasValue(0);
  }

  @Test
  void noNfsServerIsNoDataAndNoFailure(@TempDir Path host) throws Exception {
    assertThat(run(HostPaths.under(host))).isEmpty();
  }
}
