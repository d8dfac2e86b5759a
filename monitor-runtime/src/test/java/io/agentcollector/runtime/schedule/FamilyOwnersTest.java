package io.agentcollector.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FamilyOwnersTest {

  private static MetricSnapshot gauge(String name) {
    return GaugeSnapshot.builder()
        .name(name)
        .help("h")
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1).build())
        .build();
  }

  private static MetricSnapshot counter(String name) {
    return CounterSnapshot.builder()
        .name(name)
        .help("h")
        .dataPoint(
            CounterSnapshot.CounterDataPointSnapshot.builder()
                .value(1)
                .createdTimestampMillis(1000)
                .build())
        .build();
  }

  private static MetricSnapshot info(String name) {
    return InfoSnapshot.builder()
        .name(name)
        .help("h")
        .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("k", "v")).build())
        .build();
  }

  private static MetricSnapshot histogram(String name, boolean gaugeHistogram) {
    return HistogramSnapshot.builder()
        .name(name)
        .help("h")
        .gaugeHistogram(gaugeHistogram)
        .dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(
                    ClassicHistogramBuckets.of(
                        new double[] {1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
                .sum(3)
                .createdTimestampMillis(1000)
                .build())
        .build();
  }

  private static MetricSnapshot summary(String name) {
    return SummarySnapshot.builder()
        .name(name)
        .help("h")
        .dataPoint(
            SummarySnapshot.SummaryDataPointSnapshot.builder()
                .count(2)
                .sum(3)
                .quantiles(Quantiles.of(List.of(new Quantile(0.5, 1))))
                .createdTimestampMillis(1000)
                .build())
        .build();
  }

  private static MetricSnapshot stateset(String name) {
    return StateSetSnapshot.builder()
        .name(name)
        .help("h")
        .dataPoint(
            StateSetSnapshot.StateSetDataPointSnapshot.builder()
                .state("a", true)
                .state("b", false)
                .build())
        .build();
  }

  private static MetricSnapshot unknown(String name) {
    return UnknownSnapshot.builder()
        .name(name)
        .help("h")
        .dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().value(1).build())
        .build();
  }

  static Stream<Object[]> families() {
    return Stream.of(
        new Object[] {gauge("g"), List.of("g"), 1},
        new Object[] {unknown("u"), List.of("u"), 1},
        new Object[] {counter("c"), List.of("c", "c_total", "c_created"), 1},
        new Object[] {info("node_uname"), List.of("node_uname", "node_uname_info"), 1},
        new Object[] {
          histogram("h", false), List.of("h", "h_bucket", "h_count", "h_sum", "h_created"), 4
        },
        new Object[] {
          histogram("gh", true), List.of("gh", "gh_bucket", "gh_gcount", "gh_gsum", "gh_created"), 4
        },
        new Object[] {summary("s"), List.of("s", "s_count", "s_sum", "s_created"), 3},
        new Object[] {stateset("st"), List.of("st"), 2});
  }

  @ParameterizedTest
  @MethodSource("families")
  void exposedNamesOfEachTypeCoverWhatBothTextFormatsWrite(
      MetricSnapshot family, List<String> names, int series) throws Exception {
    assertThat(ExposedNames.of(family)).containsExactlyElementsOf(names);
    assertThat(ExposedNames.series(family))
        .as("samples of the 0.0.4 text format")
        .isEqualTo(series);
    Set<String> written = new TreeSet<>();
    for (String text : List.of(write(family, false), write(family, true))) {
      for (String line : text.lines().toList()) {
        if (line.startsWith("# TYPE ")) {
          written.add(line.split(" ")[2]);
        } else if (!line.startsWith("#") && !line.isBlank()) {
          written.add(line.split("[ {]")[0]);
        }
      }
    }
    assertThat(names).as("written: %s", written).containsAll(written);
  }

  private static String write(MetricSnapshot family, boolean openMetrics) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (openMetrics) {
      OpenMetricsTextFormatWriter.builder()
          .setCreatedTimestampsEnabled(true)
          .build()
          .write(out, MetricSnapshots.of(family));
    } else {
      PrometheusTextFormatWriter.builder()
          .setIncludeCreatedTimestamps(true)
          .build()
          .write(out, MetricSnapshots.of(family));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aGaugeNamedLikeAnInfoSampleClashesWithTheInfo() {
    FamilyOwners owners = new FamilyOwners();
    assertThat(owners.claim("system/uname", MetricSnapshots.of(info("node_uname"))).clashes())
        .isEmpty();
    FamilyOwners.Claim c =
        owners.claim("p/c", MetricSnapshots.of(gauge("node_uname_info"), gauge("p_ok")));
    assertThat(c.clashes())
        .containsExactly(
            "metric family node_uname_info withheld: node_uname_info is already exposed by system/uname");
    assertThat(c.kept())
        .extracting(s -> s.getMetadata().getPrometheusName())
        .containsExactly("p_ok");
  }

  @Test
  void aGaugeNamedLikeACounterSampleClashesAndSoDoesAHistogramSuffix() {
    FamilyOwners owners = new FamilyOwners();
    owners.claim("a/a", MetricSnapshots.of(counter("jobs"), histogram("lat", false)));
    assertThat(owners.claim("b/b", MetricSnapshots.of(gauge("jobs_total"))).clashes()).hasSize(1);
    assertThat(owners.claim("b/b", MetricSnapshots.of(gauge("jobs"))).clashes()).hasSize(1);
    assertThat(owners.claim("b/b", MetricSnapshots.of(gauge("lat_count"))).clashes()).hasSize(1);
    assertThat(
            owners
                .claim("b/b", MetricSnapshots.of(gauge("lat_gsum"), gauge("jobs_count")))
                .clashes())
        .as("names a classic histogram and a counter never write")
        .isEmpty();
  }

  @Test
  void twoFamiliesOfOneResultThatShareANameKeepTheFirst() {
    FamilyOwners owners = new FamilyOwners();
    FamilyOwners.Claim c = owners.claim("a/a", MetricSnapshots.of(info("x"), gauge("x_info")));
    assertThat(c.clashes())
        .containsExactly(
            "metric family x_info withheld: x_info is also exposed by another family of the same collector");
  }

  @Test
  void namesAreReleasedWhenTheOwnersNextResultNoLongerHasThem() {
    FamilyOwners owners = new FamilyOwners();
    owners.claim("a/a", MetricSnapshots.of(gauge("shared")));
    assertThat(owners.claim("b/b", MetricSnapshots.of(gauge("shared"))).clashes()).hasSize(1);
    owners.claim("a/a", MetricSnapshots.of(gauge("other")));
    assertThat(owners.claim("b/b", MetricSnapshots.of(gauge("shared"))).clashes()).isEmpty();
    assertThat(owners.claim("a/a", MetricSnapshots.of(gauge("shared"))).clashes())
        .as("now b holds it")
        .containsExactly("metric family shared withheld: shared is already exposed by b/b");
  }

  @Test
  void aCollectorThatYieldsGivesItsNamesToOneThatDoesNotAndStopsServingThem() {
    FamilyOwners owners = new FamilyOwners();
    assertThat(owners.otherOwner("textfile/textfile", "node_load1")).isEmpty();
    MetricSnapshots fromFile = MetricSnapshots.of(gauge("node_load1"), gauge("job_ok"));
    owners.claim("textfile/textfile", fromFile);
    assertThat(owners.claim("cpu/loadavg", MetricSnapshots.of(gauge("node_load1"))).clashes())
        .as("loadavg takes it over")
        .isEmpty();
    assertThat(owners.served("textfile/textfile", fromFile))
        .extracting(s -> s.getMetadata().getPrometheusName())
        .containsExactly("job_ok");
    assertThat(owners.otherOwner("textfile/textfile", "node_load1")).contains("cpu/loadavg");
    assertThat(owners.claim("textfile/textfile", fromFile).clashes())
        .containsExactly(
            "metric family node_load1 withheld: node_load1 is already exposed by cpu/loadavg");
    assertThat(owners.served("cpu/loadavg", MetricSnapshots.of(gauge("node_load1")))).hasSize(1);
  }

  @Test
  void reservedNamesStayReserved() {
    FamilyOwners owners = new FamilyOwners();
    owners.reserve(
        MetricSnapshots.of(counter("monitor_collector_errors")), "the agent's self-metrics");
    assertThat(
            owners
                .claim("p/c", MetricSnapshots.of(gauge("monitor_collector_errors_total")))
                .clashes())
        .containsExactly(
            "metric family monitor_collector_errors_total withheld: "
                + "monitor_collector_errors_total is already exposed by the agent's self-metrics");
    owners.otherOwner("textfile/textfile", "x");
    assertThat(
            owners
                .claim("textfile/textfile", MetricSnapshots.of(gauge("monitor_collector_errors")))
                .clashes())
        .hasSize(1);
  }
}
