package io.agentcollector.runtime.schedule;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.util.List;

/**
 * The names a family shows in the text formats: the family name of its {@code # TYPE} line and its
 * sample names. Two families of the agent must not share one, or a strict OpenMetrics parser
 * rejects the whole scrape (gauge {@code node_uname_info} beside info {@code node_uname}: two
 * {@code # TYPE node_uname_info} blocks in the 0.0.4 text format). {@code _created} counts even
 * when the family sets no created timestamp, so a family's names do not depend on its values.
 */
public final class ExposedNames {

  private ExposedNames() {}

  public static List<String> of(MetricSnapshot family) {
    String n = family.getMetadata().getPrometheusName();
    if (family instanceof CounterSnapshot) {
      return List.of(n, n + "_total", n + "_created");
    }
    if (family instanceof InfoSnapshot) {
      return List.of(n, n + "_info");
    }
    if (family instanceof HistogramSnapshot h) {
      return h.isGaugeHistogram()
          ? List.of(n, n + "_bucket", n + "_gcount", n + "_gsum", n + "_created")
          : List.of(n, n + "_bucket", n + "_count", n + "_sum", n + "_created");
    }
    if (family instanceof SummarySnapshot) {
      return List.of(n, n + "_count", n + "_sum", n + "_created");
    }
    // gauge, unknown (untyped), stateset: samples carry the family name itself.
    return List.of(n);
  }

  /** Samples (lines of the text format) of a family, as Prometheus' sample_limit counts them. */
  public static long series(MetricSnapshot family) {
    long n = 0;
    for (DataPointSnapshot p : family.getDataPoints()) {
      if (p instanceof HistogramSnapshot.HistogramDataPointSnapshot h) {
        n += Math.max(1, h.getClassicBuckets().size()) + 2;
      } else if (p instanceof SummarySnapshot.SummaryDataPointSnapshot s) {
        n += s.getQuantiles().size() + 2;
      } else if (p instanceof StateSetSnapshot.StateSetDataPointSnapshot s) {
        n += s.size();
      } else {
        n++;
      }
    }
    return n;
  }
}
