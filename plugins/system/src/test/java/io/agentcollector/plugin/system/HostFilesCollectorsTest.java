package io.agentcollector.plugin.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.HostPaths;
import io.agentcollector.testkit.CollectorRun;
import io.agentcollector.testkit.Exposition;
import io.agentcollector.testkit.TestContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectors on small hand-made trees: partial hosts and kernel variants. */
class HostFilesCollectorsTest {

  @TempDir Path root;

  private Path write(String relative, String content) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private MetricSnapshots run(CollectorRun.Creator c) throws Exception {
    return CollectorRun.once(
        c, TestContext.forPlugin("system").withHostPaths(HostPaths.under(root)));
  }

  @Test
  void sockstatMemBytesUsesThePageSize() throws Exception {
    write("proc/net/sockstat", "sockets: used 9\nTCP: inuse 4 orphan 0 tw 1 alloc 4 mem 2\n");
    assertThat(
            Exposition.value(
                run(c -> new SockstatCollector(c, () -> 4096)), "node_sockstat_TCP_mem_bytes"))
        .hasValue(8192);
    MetricSnapshots arm = run(c -> new SockstatCollector(c, () -> 16384));
    assertThat(Exposition.value(arm, "node_sockstat_TCP_mem_bytes")).hasValue(32768);
    assertThat(Exposition.value(arm, "node_sockstat_TCP_mem")).hasValue(2);
    assertThat(Exposition.value(arm, "node_sockstat_TCP6_inuse")).as("no sockstat6").isEmpty();
  }

  @Test
  void sockstatReportsOnlyNodeExportersKeys() throws Exception {
    write("proc/net/sockstat6", "FRAG6: memory 5 future 1\n");
    MetricSnapshots out = run(c -> new SockstatCollector(c, () -> 4096));
    assertThat(Exposition.value(out, "node_sockstat_FRAG6_inuse")).as("0 when missing").hasValue(0);
    assertThat(Exposition.value(out, "node_sockstat_FRAG6_memory")).hasValue(5);
    assertThat(Exposition.value(out, "node_sockstat_FRAG6_future")).isEmpty();
    assertThat(Exposition.value(out, "node_sockstat_sockets_used")).isEmpty();
  }

  @Test
  void pressureStopsAtTheFirstMissingResource() throws Exception {
    write("proc/pressure/cpu", "some avg10=0.00 avg60=0.00 avg300=0.00 total=1500000\n");
    write("proc/pressure/memory", "some avg10=0.00 avg60=0.00 avg300=0.00 total=1\n");
    MetricSnapshots out = run(PressureCollector::new);
    assertThat(Exposition.value(out, "node_pressure_cpu_waiting_seconds_total")).hasValue(1.5);
    assertThat(out.size()).isEqualTo(1);
  }

  @Test
  void conntrackWithoutStatFile() throws Exception {
    write("proc/sys/net/netfilter/nf_conntrack_count", "12\n");
    write("proc/sys/net/netfilter/nf_conntrack_max", "65536\n");
    MetricSnapshots out = run(ConntrackCollector::new);
    assertThat(Exposition.value(out, "node_nf_conntrack_entries")).hasValue(12);
    assertThat(Exposition.value(out, "node_nf_conntrack_entries_limit")).hasValue(65536);
    assertThat(out.size()).isEqualTo(2);
  }

  @Test
  void osFallsBackToUsrLibAndParsesMajorMinor() throws Exception {
    write(
        "usr/lib/os-release",
        """
        NAME="Ubuntu"
        VERSION_ID="22.04"
        ID=ubuntu
        ID_LIKE=debian
        """);
    MetricSnapshots out = run(OsCollector::new);
    assertThat(
            Exposition.value(
                out, "node_os_version", "id", "ubuntu", "id_like", "debian", "name", "Ubuntu"))
        .hasValue(22.04);
    write("etc/os-release", "NAME=Rolling\nID=arch\nVERSION_ID=rolling\n");
    MetricSnapshots rolling = run(OsCollector::new);
    assertThat(Exposition.value(rolling, "node_os_info", "id", "arch", "version_id", "rolling"))
        .hasValue(1);
    assertThat(Exposition.value(rolling, "node_os_version")).as("no number").isEmpty();
  }

  @Test
  void unameMachineWithoutTheArchFile() throws Exception {
    for (String f : new String[] {"ostype", "osrelease", "version", "hostname", "domainname"}) {
      write("proc/sys/kernel/" + f, f.equals("domainname") ? "(none)\n" : f + "-value\n");
    }
    assertThat(
            Exposition.value(
                run(c -> new UnameCollector(c, () -> Optional.of("riscv64"))),
                "node_uname_info",
                "machine",
                "riscv64",
                "nodename",
                "hostname-value",
                "domainname",
                "(none)"))
        .hasValue(1);
  }

  @Test
  void clocksourceDevicesAreSortedPositions() throws Exception {
    for (String n : new String[] {"clocksource0", "clocksource1", "clocksource10"}) {
      write(
          "sys/devices/system/clocksource/" + n + "/available_clocksource", "tsc hpet acpi_pm \n");
      write("sys/devices/system/clocksource/" + n + "/current_clocksource", n + "\n");
    }
    MetricSnapshots out = run(c -> new TimeCollector(c, () -> ZoneOffset.UTC));
    assertThat(
            Exposition.value(
                out,
                "node_time_clocksource_current_info",
                "device",
                "2",
                "clocksource",
                "clocksource10"))
        .hasValue(1);
    assertThat(
            Exposition.value(
                out,
                "node_time_clocksource_available_info",
                "device",
                "1",
                "clocksource",
                "acpi_pm"))
        .hasValue(1);
    assertThat(Exposition.value(out, "node_time_zone_offset_seconds", "time_zone", "UTC"))
        .hasValue(0);
  }

  @Test
  void zoneAbbreviations() {
    Instant winter = Instant.parse("2026-01-01T00:00:00Z");
    Instant summer = Instant.parse("2026-07-01T00:00:00Z");
    assertThat(TimeCollector.abbreviation(ZoneId.of("Europe/Berlin"), winter)).isEqualTo("CET");
    assertThat(TimeCollector.abbreviation(ZoneId.of("Europe/Berlin"), summer)).isEqualTo("CEST");
    assertThat(TimeCollector.abbreviation(ZoneId.of("UTC"), winter)).isEqualTo("UTC");
    assertThat(TimeCollector.abbreviation(ZoneId.of("Etc/UTC"), winter)).isEqualTo("UTC");
    assertThat(TimeCollector.abbreviation(ZoneOffset.UTC, winter)).isEqualTo("UTC");
  }
}
