package io.agentcollector.runtime.schedule;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds the agent's {@code host} and static labels to every sample. Runs once per collection cycle
 * (not per scrape). A label the collector already set wins, as with Prometheus' {@code
 * honor_labels}.
 */
public final class LabelInjector {

  private final String[] names;
  private final String[] values;

  public LabelInjector(Map<String, String> labels) {
    Labels sorted =
        Labels.of(labels.keySet().toArray(String[]::new), labels.values().toArray(String[]::new));
    names = new String[sorted.size()];
    values = new String[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      names[i] = sorted.getName(i);
      values[i] = sorted.getValue(i);
    }
  }

  /** The labels added, by name. */
  public Map<String, String> labels() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], values[i]);
    }
    return out;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  public MetricSnapshots apply(MetricSnapshots in) {
    if (isEmpty()) {
      return in;
    }
    List<MetricSnapshot> out = new ArrayList<>(in.size());
    for (MetricSnapshot s : in) {
      out.add(apply(s));
    }
    return new MetricSnapshots(out);
  }

  Labels apply(Labels labels) {
    int missing = 0;
    for (String n : names) {
      if (!labels.contains(n)) {
        missing++;
      }
    }
    if (missing == 0) {
      return labels;
    }
    String[] n = new String[missing];
    String[] v = new String[missing];
    int j = 0;
    for (int i = 0; i < names.length; i++) {
      if (!labels.contains(names[i])) {
        n[j] = names[i];
        v[j++] = values[i];
      }
    }
    return labels.merge(n, v);
  }

  private MetricSnapshot apply(MetricSnapshot s) {
    if (complete(s)) {
      return s; // every sample has the labels already: no copy (and no second validation)
    }
    if (s instanceof GaugeSnapshot g) {
      return gauge(g);
    }
    if (s instanceof CounterSnapshot c) {
      return counter(c);
    }
    if (s instanceof UnknownSnapshot u) {
      return unknown(u);
    }
    if (s instanceof InfoSnapshot i) {
      return new InfoSnapshot(
          i.getMetadata(),
          map(
              i.getDataPoints(),
              p -> new InfoDataPointSnapshot(apply(p.getLabels()), p.getScrapeTimestampMillis())));
    }
    if (s instanceof StateSetSnapshot st) {
      return new StateSetSnapshot(st.getMetadata(), map(st.getDataPoints(), this::stateSet));
    }
    if (s instanceof SummarySnapshot su) {
      return new SummarySnapshot(su.getMetadata(), map(su.getDataPoints(), this::summary));
    }
    if (s instanceof HistogramSnapshot h) {
      return new HistogramSnapshot(
          h.isGaugeHistogram(), h.getMetadata(), map(h.getDataPoints(), this::histogram));
    }
    throw new IllegalArgumentException("unsupported snapshot type " + s.getClass().getName());
  }

  private GaugeSnapshot gauge(GaugeSnapshot g) {
    return new GaugeSnapshot(
        g.getMetadata(),
        map(
            g.getDataPoints(),
            p ->
                new GaugeDataPointSnapshot(
                    p.getValue(),
                    apply(p.getLabels()),
                    p.getExemplar(),
                    p.getScrapeTimestampMillis())));
  }

  private CounterSnapshot counter(CounterSnapshot c) {
    return new CounterSnapshot(
        c.getMetadata(),
        map(
            c.getDataPoints(),
            p ->
                new CounterDataPointSnapshot(
                    p.getValue(),
                    apply(p.getLabels()),
                    p.getExemplar(),
                    p.getCreatedTimestampMillis(),
                    p.getScrapeTimestampMillis())));
  }

  private UnknownSnapshot unknown(UnknownSnapshot u) {
    return new UnknownSnapshot(
        u.getMetadata(),
        map(
            u.getDataPoints(),
            p ->
                new UnknownDataPointSnapshot(
                    p.getValue(),
                    apply(p.getLabels()),
                    p.getExemplar(),
                    p.getScrapeTimestampMillis())));
  }

  private StateSetDataPointSnapshot stateSet(StateSetDataPointSnapshot p) {
    String[] states = new String[p.size()];
    boolean[] enabled = new boolean[p.size()];
    for (int k = 0; k < p.size(); k++) {
      states[k] = p.getName(k);
      enabled[k] = p.isTrue(k);
    }
    return new StateSetDataPointSnapshot(
        states, enabled, apply(p.getLabels()), p.getScrapeTimestampMillis());
  }

  private SummaryDataPointSnapshot summary(SummaryDataPointSnapshot p) {
    return new SummaryDataPointSnapshot(
        p.getCount(),
        p.getSum(),
        p.getQuantiles(),
        apply(p.getLabels()),
        p.getExemplars(),
        p.getCreatedTimestampMillis(),
        p.getScrapeTimestampMillis());
  }

  private HistogramDataPointSnapshot histogram(HistogramDataPointSnapshot p) {
    double sum = p.hasSum() ? p.getSum() : Double.NaN;
    if (!p.hasNativeHistogramData()) {
      return new HistogramDataPointSnapshot(
          p.getClassicBuckets(),
          sum,
          apply(p.getLabels()),
          p.getExemplars(),
          p.getCreatedTimestampMillis());
    }
    return new HistogramDataPointSnapshot(
        p.getClassicBuckets(),
        p.getNativeSchema(),
        p.getNativeZeroCount(),
        p.getNativeZeroThreshold(),
        p.getNativeBucketsForPositiveValues(),
        p.getNativeBucketsForNegativeValues(),
        sum,
        apply(p.getLabels()),
        p.getExemplars(),
        p.getCreatedTimestampMillis(),
        p.getScrapeTimestampMillis());
  }

  private boolean complete(MetricSnapshot s) {
    for (var p : s.getDataPoints()) {
      Labels l = p.getLabels();
      for (String n : names) {
        if (!l.contains(n)) {
          return false;
        }
      }
    }
    return true;
  }

  private static <P, Q> List<Q> map(List<P> in, Function<P, Q> f) {
    List<Q> out = new ArrayList<>(in.size());
    for (P p : in) {
      out.add(f.apply(p));
    }
    return out;
  }
}
