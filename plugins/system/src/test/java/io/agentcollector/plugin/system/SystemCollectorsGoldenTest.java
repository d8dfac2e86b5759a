package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.Collector;
import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.CollectorRun.Creator;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.Golden;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file-based collector on the default fixture tree (captured on the build machine). */
class SystemCollectorsGoldenTest {

  static MetricSnapshots run(Creator c) throws Exception {
    return CollectorRun.once(c, TestContext.forPlugin("system"));
  }

  private static Creator creator(Creator c) {
    return c;
  }

  static Stream<Arguments> collectors() {
    return Stream.of(
        Arguments.of(creator(VmstatCollector::new), "vmstat.prom"),
        Arguments.of(creator(PressureCollector::new), "pressure.prom"),
        Arguments.of(creator(c -> new UnameCollector(c, Optional::empty)), "uname.prom"),
        Arguments.of(creator(OsCollector::new), "os.prom"),
        Arguments.of(
            creator(c -> new TimeCollector(c, () -> ZoneId.of("Europe/Berlin"))), "time.prom"),
        Arguments.of(creator(FilefdCollector::new), "filefd.prom"),
        Arguments.of(creator(c -> new SockstatCollector(c, () -> 4096)), "sockstat.prom"),
        Arguments.of(creator(NetstatCollector::new), "netstat.prom"),
        Arguments.of(creator(ConntrackCollector::new), "conntrack.prom"),
        Arguments.of(creator(EntropyCollector::new), "entropy.prom"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("collectors")
  void matchesTheGoldenFile(Creator create, String golden) throws Exception {
    Collector collector = create.create(TestContext.forPlugin("system"));
    assertThat(collector.mirrorsNodeExporter()).isTrue();
    assertThat(collector.enabledByDefault()).as("default-enabled in node_exporter 1.5.0").isTrue();
    assertThat(golden).startsWith(collector.name() + ".");
    Golden.assertMatches(run(create), golden);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("collectors")
  void nothingOnAHostWithoutTheFiles(Creator create, String golden, @TempDir Path empty)
      throws Exception {
    if (golden.equals("time.prom")) {
      return; // the clock is always there
    }
    MetricSnapshots out =
        CollectorRun.once(
            create, TestContext.forPlugin("system").withHostPaths(HostPaths.under(empty)));
    assertThat(out.size()).isZero();
  }

  @Test
  void realValues() throws Exception {
    assertThat(Exposition.value(run(VmstatCollector::new), "node_vmstat_oom_kill")).hasValue(17);
    MetricSnapshots pressure = run(PressureCollector::new);
    // /proc/pressure/io "full ... total=13163749" µs
    assertThat(Exposition.value(pressure, "node_pressure_io_stalled_seconds_total"))
        .hasValue(13.163749);
    assertThat(Exposition.value(pressure, "node_pressure_cpu_stalled_seconds_total")).isEmpty();
    assertThat(Exposition.value(run(FilefdCollector::new), "node_filefd_maximum"))
        .hasValue(2466160);
    assertThat(Exposition.value(run(ConntrackCollector::new), "node_nf_conntrack_entries_limit"))
        .hasValue(262144);
    assertThat(Exposition.value(run(EntropyCollector::new), "node_entropy_pool_size_bits"))
        .hasValue(256);
    assertThat(Exposition.value(run(NetstatCollector::new), "node_netstat_Ip_Forwarding"))
        .hasValue(2);
    assertThat(Exposition.value(run(NetstatCollector::new), "node_netstat_Tcp_MaxConn"))
        .as("not in the default fields")
        .isEmpty();
    assertThat(Exposition.value(run(OsCollector::new), "node_os_version", "id", "debian"))
        .hasValue(12);
    assertThat(
            Exposition.value(
                run(c -> new UnameCollector(c, Optional::empty)),
                "node_uname_info",
                "domainname",
                "(none)",
                "machine",
                "x86_64",
                "nodename",
                "vm"))
        .hasValue(1);
  }

  @Test
  void timeUsesTheClockAndTheZone() throws Exception {
    MetricSnapshots out = run(c -> new TimeCollector(c, () -> ZoneId.of("Europe/Berlin")));
    assertThat(Exposition.value(out, "node_time_seconds")).hasValue(1.7672256e9);
    assertThat(Exposition.value(out, "node_time_zone_offset_seconds", "time_zone", "CET"))
        .hasValue(3600);
    assertThat(
            Exposition.value(
                out,
                "node_time_clocksource_current_info",
                "clocksource",
                "kvm-clock",
                "device",
                "0"))
        .hasValue(1);
  }
}
