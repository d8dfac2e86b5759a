package io.agentcollector.testkit;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/** Text exposition and sample look-ups for assertions. */
public final class Exposition {

  private Exposition() {}

  /** The Prometheus text format 0.0.4, as {@code /metrics} serves it. */
  public static String text(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The value of the sample of family {@code name} (as exposed: counters with {@code _total}) whose
   * labels include {@code labelPairs}; empty when there is none.
   */
  public static OptionalDouble value(MetricSnapshots snapshots, String name, String... labelPairs) {
    Labels wanted = Labels.of(labelPairs);
    for (MetricSnapshot s : snapshots) {
      if (!exposedName(s).equals(name)) {
        continue;
      }
      for (DataPointSnapshot dp : s.getDataPoints()) {
        if (containsAll(dp.getLabels(), wanted)) {
          return OptionalDouble.of(valueOf(dp));
        }
      }
    }
    return OptionalDouble.empty();
  }

  static String exposedName(MetricSnapshot s) {
    String n = s.getMetadata().getPrometheusName();
    if (s instanceof CounterSnapshot) {
      return n + "_total";
    }
    return s instanceof io.prometheus.metrics.model.snapshots.InfoSnapshot ? n + "_info" : n;
  }

  private static boolean containsAll(Labels have, Labels wanted) {
    for (int i = 0; i < wanted.size(); i++) {
      if (!wanted.getValue(i).equals(have.get(wanted.getName(i)))) {
        return false;
      }
    }
    return true;
  }

  private static double valueOf(DataPointSnapshot dp) {
    if (dp instanceof GaugeSnapshot.GaugeDataPointSnapshot g) {
      return g.getValue();
    }
    if (dp instanceof CounterSnapshot.CounterDataPointSnapshot c) {
      return c.getValue();
    }
    if (dp instanceof UnknownSnapshot.UnknownDataPointSnapshot u) {
      return u.getValue();
    }
    return 1; // info
  }
}
