package io.agentcollector.plugin.textfile;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Merges the families of several files and turns them into client_java snapshots. */
final class TextFamilies {

  private TextFamilies() {}

  /** One family across files. */
  static final class Merged {
    final String name;
    final String type;
    String help;
    final List<String> files = new ArrayList<>();
    final List<TextFormat.Sample> samples = new ArrayList<>();
    final Set<String> seen = new HashSet<>();

    Merged(String name, String type) {
      this.name = name;
      this.type = type;
    }
  }

  /**
   * The names a family of the file shows once exposed: a counter named {@code x_total} becomes
   * client_java's counter {@code x} ({@code x}, {@code x_total}, {@code x_created}), any other
   * counter stays untyped under its own name (see {@link #counter}).
   */
  static List<String> exposedNames(String name, String type) {
    return switch (type) {
      case "counter" ->
          name.endsWith("_total")
              ? List.of(
                  name.substring(0, name.length() - 6),
                  name,
                  name.substring(0, name.length() - 6) + "_created")
              : List.of(name);
      case "summary" -> List.of(name, name + "_count", name + "_sum", name + "_created");
      case "histogram" ->
          List.of(name, name + "_bucket", name + "_count", name + "_sum", name + "_created");
      default -> List.of(name);
    };
  }

  static List<MetricSnapshot> snapshots(Collection<Merged> families) {
    List<MetricSnapshot> out = new ArrayList<>();
    for (Merged m : families) {
      String help = m.help != null ? m.help : "Metric read from " + String.join(", ", m.files);
      List<TextFormat.Sample> padded = pad(m);
      out.add(
          switch (m.type) {
            case "gauge" -> gauge(m.name, help, padded);
            case "counter" -> counter(m.name, help, padded);
            case "summary" -> summary(m.name, help, padded);
            case "histogram" -> histogram(m.name, help, padded);
            default -> untyped(m.name, help, padded);
          });
    }
    return out;
  }

  /** node_exporter gives every sample of a family the same label names, "" where missing. */
  private static List<TextFormat.Sample> pad(Merged m) {
    Set<String> names = new TreeSet<>();
    m.samples.forEach(s -> names.addAll(s.labels().keySet()));
    names.remove("le");
    names.remove("quantile");
    List<TextFormat.Sample> out = new ArrayList<>();
    for (TextFormat.Sample s : m.samples) {
      Map<String, String> l = new TreeMap<>(s.labels());
      names.forEach(n -> l.putIfAbsent(n, ""));
      out.add(new TextFormat.Sample(s.name(), l, s.value(), false));
    }
    return out;
  }

  private static Labels labels(Map<String, String> l, String... drop) {
    Map<String, String> m = new TreeMap<>(l);
    for (String d : drop) {
      m.remove(d);
    }
    return Labels.of(m.keySet().toArray(String[]::new), m.values().toArray(String[]::new));
  }

  private static MetricSnapshot gauge(String name, String help, List<TextFormat.Sample> samples) {
    var b = GaugeSnapshot.builder().name(name).help(help);
    samples.forEach(
        s ->
            b.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .value(s.value())
                    .labels(labels(s.labels()))
                    .build()));
    return b.build();
  }

  private static MetricSnapshot untyped(String name, String help, List<TextFormat.Sample> samples) {
    var b = UnknownSnapshot.builder().name(name).help(help);
    samples.forEach(
        s ->
            b.dataPoint(
                UnknownSnapshot.UnknownDataPointSnapshot.builder()
                    .value(s.value())
                    .labels(labels(s.labels()))
                    .build()));
    return b.build();
  }

  /**
   * client_java names every counter {@code <name>_total}: a counter whose name already ends so
   * keeps its type; any other stays under its own name as untyped (README, compatibility).
   */
  private static MetricSnapshot counter(String name, String help, List<TextFormat.Sample> samples) {
    if (!name.endsWith("_total")) {
      return untyped(name, help, samples);
    }
    var b = CounterSnapshot.builder().name(name.substring(0, name.length() - 6)).help(help);
    samples.forEach(
        s ->
            b.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder()
                    .value(s.value())
                    .labels(labels(s.labels()))
                    .build()));
    return b.build();
  }

  private static MetricSnapshot summary(String name, String help, List<TextFormat.Sample> samples) {
    Map<Labels, List<TextFormat.Sample>> byLabels = group(samples, "quantile");
    var b = SummarySnapshot.builder().name(name).help(help);
    byLabels.forEach(
        (l, group) -> {
          long count = 0;
          double sum = Double.NaN;
          List<Quantile> quantiles = new ArrayList<>();
          for (TextFormat.Sample s : group) {
            if (s.name().equals(name + "_count")) {
              count = (long) s.value();
            } else if (s.name().equals(name + "_sum")) {
              sum = s.value();
            } else if (s.labels().containsKey("quantile")) {
              quantiles.add(
                  new Quantile(Double.parseDouble(s.labels().get("quantile")), s.value()));
            }
          }
          var p =
              SummarySnapshot.SummaryDataPointSnapshot.builder()
                  .count(count)
                  .quantiles(Quantiles.of(quantiles))
                  .labels(l);
          if (!Double.isNaN(sum)) {
            p.sum(sum);
          }
          b.dataPoint(p.build());
        });
    return b.build();
  }

  private static MetricSnapshot histogram(
      String name, String help, List<TextFormat.Sample> samples) {
    Map<Labels, List<TextFormat.Sample>> byLabels = group(samples, "le");
    var b = HistogramSnapshot.builder().name(name).help(help);
    byLabels.forEach(
        (l, group) -> {
          TreeMap<Double, Double> cumulative = new TreeMap<>();
          double sum = Double.NaN;
          for (TextFormat.Sample s : group) {
            if (s.name().equals(name + "_bucket") && s.labels().containsKey("le")) {
              String le = s.labels().get("le");
              cumulative.put(
                  le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), s.value());
            } else if (s.name().equals(name + "_sum")) {
              sum = s.value();
            }
          }
          if (!cumulative.containsKey(Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + l + ": histogram without a +Inf bucket");
          }
          double[] bounds = new double[cumulative.size()];
          long[] counts = new long[cumulative.size()];
          int i = 0;
          double previous = 0;
          // The file has cumulative bucket counts; client_java takes per-bucket counts.
          for (var e : cumulative.entrySet()) {
            bounds[i] = e.getKey();
            counts[i++] = (long) (e.getValue() - previous);
            previous = e.getValue();
          }
          var p =
              HistogramSnapshot.HistogramDataPointSnapshot.builder()
                  .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                  .labels(l);
          if (!Double.isNaN(sum)) {
            p.sum(sum);
          }
          b.dataPoint(p.build());
        });
    return b.build();
  }

  private static Map<Labels, List<TextFormat.Sample>> group(
      List<TextFormat.Sample> samples, String special) {
    Map<Labels, List<TextFormat.Sample>> out = new LinkedHashMap<>();
    samples.forEach(
        s -> out.computeIfAbsent(labels(s.labels(), special), k -> new ArrayList<>()).add(s));
    return out;
  }
}
