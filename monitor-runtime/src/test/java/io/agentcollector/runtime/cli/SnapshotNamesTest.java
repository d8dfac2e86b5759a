package io.agentcollector.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.testkit.ExpositionSamples;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code snapshot}'s table names every sample as {@code /metrics} does, for every family type. */
class SnapshotNamesTest {

  static MetricSnapshots everyType() {
    return MetricSnapshots.builder()
        .metricSnapshot(
            CounterSnapshot.builder()
                .name("node_context_switches")
                .help("h")
                .dataPoint(
                    CounterSnapshot.CounterDataPointSnapshot.builder().value(3342155).build())
                .build())
        .metricSnapshot(
            GaugeSnapshot.builder()
                .name("node_load1")
                .help("h")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(0.25).build())
                .build())
        .metricSnapshot(
            InfoSnapshot.builder()
                .name("node_uname")
                .help("h")
                .dataPoint(
                    InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(Labels.of("release", "6.1.0", "version", "#1 SMP \"quoted\", a\\b"))
                        .build())
                .build())
        .metricSnapshot(
            HistogramSnapshot.builder()
                .name("scrape_seconds")
                .help("h")
                .dataPoint(
                    HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(
                            ClassicHistogramBuckets.of(
                                new double[] {0.1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
                        .sum(0.5)
                        .build())
                .build())
        .metricSnapshot(
            SummarySnapshot.builder()
                .name("rpc_seconds")
                .help("h")
                .dataPoint(
                    SummarySnapshot.SummaryDataPointSnapshot.builder()
                        .count(3)
                        .sum(1.5)
                        .quantiles(Quantiles.of(new Quantile(0.5, 0.3)))
                        .build())
                .build())
        .metricSnapshot(
            StateSetSnapshot.builder()
                .name("disk_state")
                .help("h")
                .dataPoint(
                    StateSetSnapshot.StateSetDataPointSnapshot.builder()
                        .state("up", true)
                        .state("down", false)
                        .build())
                .build())
        .metricSnapshot(
            UnknownSnapshot.builder()
                .name("legacy_value")
                .help("h")
                .dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().value(2.15E9).build())
                .build())
        .build();
  }

  @Test
  void everySampleOfEveryTypeHasTheExpositionsName() {
    MetricSnapshots snapshots = everyType();
    String exposition = SnapshotOutput.prometheus(snapshots);
    List<String[]> rows = SampleRows.of(exposition);
    List<String> exposed =
        ExpositionSamples.parse(exposition).samples().stream()
            .map(ExpositionSamples.Sample::name)
            .toList();

    assertThat(rows.get(0)).containsExactly("METRIC", "LABELS", "VALUE");
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r[0]).toList())
        .isEqualTo(exposed)
        .containsExactly(
            "disk_state",
            "disk_state",
            "legacy_value",
            "node_context_switches_total",
            "node_load1",
            "node_uname_info",
            "rpc_seconds",
            "rpc_seconds_count",
            "rpc_seconds_sum",
            "scrape_seconds_bucket",
            "scrape_seconds_bucket",
            "scrape_seconds_count",
            "scrape_seconds_sum");
  }

  @Test
  void labelsAreUnescapedAndValuesWrittenAsNumbers() {
    List<String[]> rows = SampleRows.of(SnapshotOutput.prometheus(everyType()));
    assertThat(row(rows, "node_uname_info"))
        .containsExactly("node_uname_info", "release=6.1.0,version=#1 SMP \"quoted\", a\\b", "1");
    assertThat(row(rows, "node_context_switches_total")[2]).isEqualTo("3342155");
    assertThat(row(rows, "node_load1")[2]).isEqualTo("0.25");
    assertThat(row(rows, "legacy_value")[2]).isEqualTo("2150000000");
    assertThat(row(rows, "scrape_seconds_bucket"))
        .containsExactly("scrape_seconds_bucket", "le=0.1", "1");
    assertThat(rows.stream().filter(r -> r[0].equals("disk_state")).map(r -> r[1] + " " + r[2]))
        .containsExactly("disk_state=down 0", "disk_state=up 1");
  }

  @Test
  void tableRowsFitTheWidthWithLongLabelSetsWrappedAtCommas() {
    String longLabels =
        "device=/dev/mapper/vg0-root,fstype=ext4,host=node-1,mountpoint=/var/lib/kubelet/pods/"
            + "0123456789abcdef0123456789abcdef/volumes/kubernetes.io~csi/pvc-0123456789/mount";
    List<String[]> rows =
        List.of(
            new String[] {"METRIC", "LABELS", "VALUE"},
            new String[] {"node_filesystem_avail_bytes", longLabels, "82259374080"},
            new String[] {"node_load1", "host=node-1", "0.25"});
    String table = Table.render(rows, 120, 1);

    assertThat(table.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
    List<String> lines = table.lines().toList();
    assertThat(lines.get(1))
        .startsWith(
            "node_filesystem_avail_bytes  device=/dev/mapper/vg0-root,fstype=ext4,host=node-1,")
        .endsWith("82259374080");
    assertThat(lines.get(2))
        .startsWith(" ".repeat(29) + "mountpoint=/var/lib/kubelet/pods/")
        .endsWith("…");
    assertThat(lines.get(3))
        .isEqualTo(
            "node_load1                   host=node-1"
                + " ".repeat(lines.get(1).indexOf("82259") - 40)
                + "0.25");
    assertThat(Table.render(rows)).as("no limit: one line per row").hasLineCount(3);
  }

  @Test
  void terminalWidthFromColumns() {
    assertThat(Table.terminalWidth("200")).isEqualTo(200);
    assertThat(Table.terminalWidth(null)).isEqualTo(120);
    assertThat(Table.terminalWidth("abc")).isEqualTo(120);
    assertThat(Table.terminalWidth("10")).as("too narrow to be real").isEqualTo(120);
  }

  private static String[] row(List<String[]> rows, String name) {
    return rows.stream().filter(r -> r[0].equals(name)).findFirst().orElseThrow();
  }
}
