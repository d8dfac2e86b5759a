package io.agentcollector.plugin.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcollector.api.HostPaths;
import io.agentcollector.api.InvalidConfigException;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Fixtures;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ipvs on {@code testdata/fixtures/edge/net-ipvs}, files written in the kernel's format (the build
 * VM has no IPVS module): TCP and UDP services over IPv4, a TCP service over IPv6 with an
 * IPv4-mapped real server, and a firewall mark service whose two entries for one server are summed.
 */
class IpvsCollectorGoldenTest {

  @TempDir Path root;

  static TestContext fixture() {
    return TestContext.forPlugin("net").withHostPaths(Fixtures.hostPaths("edge/net-ipvs"));
  }

  static MetricSnapshots run(TestContext c) throws Exception {
    return CollectorRun.once(IpvsCollector::new, c);
  }

  @Test
  void matchesTheGoldenFile() throws Exception {
    Golden.assertMatches(run(fixture()), "ipvs.prom");
  }

  @Test
  void totalsAndBackends() throws Exception {
    MetricSnapshots out = run(fixture());
    assertThat(Exposition.value(out, "node_ipvs_connections_total")).hasValue(23765872);
    assertThat(Exposition.value(out, "node_ipvs_incoming_bytes_total")).hasValue(89991519156915.0);
    assertThat(
            Exposition.value(
                out,
                "node_ipvs_backend_connections_active",
                "local_address",
                "192.168.0.22",
                "local_port",
                "3306",
                "remote_address",
                "192.168.82.22",
                "remote_port",
                "3306",
                "proto",
                "TCP",
                "local_mark",
                ""))
        .hasValue(248);
    assertThat(
            Exposition.value(
                out, "node_ipvs_backend_connections_inactive", "local_mark", "10001000"))
        .as("two entries of one server summed")
        .hasValue(3);
  }

  @Test
  void fewerLabelsSumMoreServers() throws Exception {
    MetricSnapshots out = run(fixture().withConfig("ipvs-backend-labels = \"proto,local_port\""));
    assertThat(
            Exposition.value(
                out, "node_ipvs_backend_connections_active", "proto", "TCP", "local_port", "3306"))
        .hasValue(744);
    assertThat(
            Exposition.value(out, "node_ipvs_backend_weight", "proto", "TCP", "local_port", "80"))
        .hasValue(3);
  }

  @Test
  void anUnknownLabelNamesTheKey() {
    assertThatThrownBy(() -> run(fixture().withConfig("ipvs-backend-labels = \"proto,vip\"")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("plugins.net.ipvs-backend-labels = \"proto,vip\": expected");
  }

  @Test
  void noIpvsIsNoSeriesAndNoFailureButStatsWithoutTheTableFail() throws Exception {
    TestContext empty = TestContext.forPlugin("net").withHostPaths(HostPaths.under(root));
    assertThat(run(empty).size()).isZero();
    assertThat(run(TestContext.forPlugin("net")).size()).as("the build VM").isZero();
    Files.createDirectories(root.resolve("proc/net"));
    Files.copy(
        Fixtures.hostPaths("edge/net-ipvs").proc("net", "ip_vs_stats"),
        root.resolve("proc/net/ip_vs_stats"));
    assertThatThrownBy(() -> run(empty)).isInstanceOf(NoSuchFileException.class);
  }
}
