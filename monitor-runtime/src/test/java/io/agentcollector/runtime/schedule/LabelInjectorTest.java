package io.agentcollector.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.testkit.Exposition;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelInjectorTest {

  @Test
  void addsLabelsToEveryTypeAndKeepsTheCollectorsOwn() {
    MetricFamilies f = new MetricFamilies();
    f.gauge("g", "h").add(1, "a", "1");
    f.counter("c_total", "h").add(2, "host", "from-collector");
    f.untyped("u", "h").add(3);
    f.info("i_info", "h").addInfo("k", "v");
    MetricSnapshots in = f.build();
    var withHistAndSummary = new java.util.ArrayList<>(in.stream().toList());
    withHistAndSummary.add(
        HistogramSnapshot.builder()
            .name("hist")
            .help("h")
            .dataPoint(
                HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(
                        ClassicHistogramBuckets.of(
                            new double[] {1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
                    .sum(3.5)
                    .build())
            .build());
    withHistAndSummary.add(
        SummarySnapshot.builder()
            .name("sum")
            .help("h")
            .dataPoint(
                SummarySnapshot.SummaryDataPointSnapshot.builder()
                    .count(4)
                    .sum(8)
                    .quantiles(Quantiles.EMPTY)
                    .build())
            .build());

    MetricSnapshots out =
        new LabelInjector(Map.of("host", "node-1", "env", "prod"))
            .apply(new MetricSnapshots(withHistAndSummary));

    assertThat(Exposition.text(out))
        .isEqualTo(
            """
            # HELP c_total h
            # TYPE c_total counter
            c_total{env="prod",host="from-collector"} 2.0
            # HELP g h
            # TYPE g gauge
            g{a="1",env="prod",host="node-1"} 1.0
            # HELP hist h
            # TYPE hist histogram
            hist_bucket{env="prod",host="node-1",le="1.0"} 1
            hist_bucket{env="prod",host="node-1",le="+Inf"} 3
            hist_count{env="prod",host="node-1"} 3
            hist_sum{env="prod",host="node-1"} 3.5
            # HELP i_info h
            # TYPE i_info gauge
            i_info{env="prod",host="node-1",k="v"} 1
            # HELP sum h
            # TYPE sum summary
            sum_count{env="prod",host="node-1"} 4
            sum_sum{env="prod",host="node-1"} 8.0
            # HELP u h
            # TYPE u untyped
            u{env="prod",host="node-1"} 3.0
            """);
  }

  @Test
  void noLabelsIsTheIdentity() {
    MetricSnapshots in = new MetricFamilies().build();
    assertThat((Object) new LabelInjector(Map.of()).apply(in)).isSameAs(in);
    assertThat((Object) new LabelInjector(Map.of("host", "x")).apply(Labels.of("host", "y")))
        .isEqualTo(Labels.of("host", "y"));
  }
}
