package io.agentcollector.plugin.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.CollectorRun.Creator;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The arp, softnet, udp_queues and tcpstat collectors on the fixture tree and on partial hosts. */
class ProcNetCollectorsTest {

  @TempDir Path root;

  static Stream<Arguments> collectors() {
    return Stream.of(
        Arguments.of(creator(ArpCollector::new), "arp.prom", true),
        Arguments.of(creator(SoftnetCollector::new), "softnet.prom", true),
        Arguments.of(creator(UdpQueuesCollector::new), "udp_queues.prom", true),
        Arguments.of(creator(TcpstatCollector::new), "tcpstat.prom", false));
  }

  private static Creator creator(Creator c) {
    return c;
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("collectors")
  void matchesTheGoldenFile(Creator create, String golden, boolean onByDefault) throws Exception {
    Collector collector = create.create(TestContext.forPlugin("net"));
    assertThat(collector.mirrorsNodeExporter()).isTrue();
    assertThat(collector.enabledByDefault()).as("as in node_exporter 1.5.0").isEqualTo(onByDefault);
    assertThat(golden).startsWith(collector.name() + ".");
    Golden.assertMatches(CollectorRun.once(create, TestContext.forPlugin("net")), golden);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("collectors")
  void nothingOnAHostWithoutTheFiles(Creator create, String golden, boolean on) throws Exception {
    assertThat(run(create).size()).isZero();
  }

  @Test
  void realValues() throws Exception {
    MetricSnapshots fixture =
        CollectorRun.once(TcpstatCollector::new, TestContext.forPlugin("net"));
    // tcp: 78 TIME_WAIT, 2 ESTABLISHED, 2 LISTEN; tcp6: 7 LISTEN; 1000 bytes unread.
    assertThat(value(fixture, "time_wait")).hasValue(78);
    assertThat(value(fixture, "listen")).hasValue(9);
    assertThat(value(fixture, "rx_queued_bytes")).hasValue(1000);
    assertThat(value(fixture, "close_wait")).as("only states that have sockets").isEmpty();
    MetricSnapshots udp = CollectorRun.once(UdpQueuesCollector::new, TestContext.forPlugin("net"));
    assertThat(Exposition.value(udp, "node_udp_queues", "ip", "v4", "queue", "rx")).hasValue(2496);
    assertThat(Exposition.value(udp, "node_udp_queues", "ip", "v6", "queue", "rx")).hasValue(1280);
    MetricSnapshots softnet =
        CollectorRun.once(SoftnetCollector::new, TestContext.forPlugin("net"));
    assertThat(Exposition.value(softnet, "node_softnet_times_squeezed_total", "cpu", "1"))
        .hasValue(13);
  }

  @Test
  void arpDeviceFilters() throws Exception {
    write(
        "proc/net/arp",
        "IP address       HW type     Flags       HW address            Mask     Device\n"
            + "10.0.0.1 0x1 0x2 52:54:00:12:34:56 * eth0\n"
            + "10.0.0.2 0x1 0x2 52:54:00:12:34:57 * eth0\n"
            + "172.17.0.2 0x1 0x2 02:42:ac:11:00:02 * docker0\n"
            + "10.1.0.2 0x1 0x2 02:42:ac:11:00:03 * eth1\n");
    MetricSnapshots all = run(ArpCollector::new);
    assertThat(Exposition.value(all, "node_arp_entries", "device", "eth0")).hasValue(2);
    assertThat(Exposition.value(all, "node_arp_entries", "device", "docker0")).hasValue(1);
    MetricSnapshots filtered =
        CollectorRun.once(
            ArpCollector::new,
            context().withConfig("arp { device-include = \"^eth\", device-exclude = \"1$\" }"));
    assertThat(Exposition.value(filtered, "node_arp_entries", "device", "eth0")).hasValue(2);
    assertThat(Exposition.value(filtered, "node_arp_entries", "device", "eth1")).isEmpty();
    assertThat(Exposition.value(filtered, "node_arp_entries", "device", "docker0")).isEmpty();
  }

  @Test
  void withoutIpv6TheV6SeriesAreLeftOut() throws Exception {
    write("proc/net/udp", "  sl  local_address rem_address   st tx_queue rx_queue\n");
    write(
        "proc/net/tcp",
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid\n"
            + "   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0"
            + "        0 639 1 0000000063241833 100 0 0 10 0\n");
    MetricSnapshots udp = run(UdpQueuesCollector::new);
    assertThat(Exposition.value(udp, "node_udp_queues", "ip", "v4", "queue", "tx")).hasValue(0);
    assertThat(Exposition.value(udp, "node_udp_queues", "ip", "v6", "queue", "tx")).isEmpty();
    MetricSnapshots tcp = run(TcpstatCollector::new);
    assertThat(Exposition.text(tcp))
        .contains("node_tcp_connection_states{state=\"listen\"} 1.0")
        .contains("node_tcp_connection_states{state=\"tx_queued_bytes\"} 0.0");
  }

  private static java.util.OptionalDouble value(MetricSnapshots s, String state) {
    return Exposition.value(s, "node_tcp_connection_states", "state", state);
  }

  private TestContext context() {
    return TestContext.forPlugin("net").withHostPaths(HostPaths.under(root));
  }

  private MetricSnapshots run(Creator c) throws Exception {
    return CollectorRun.once(c, context());
  }

  private void write(String relative, String content) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
