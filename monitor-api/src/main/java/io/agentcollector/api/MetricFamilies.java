package io.agentcollector.api;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the samples of one cycle into client_java snapshots with little ceremony.
 *
 * <p>Names are the exposed ones, exactly as node_exporter and cAdvisor print them: a counter is
 * {@code node_cpu_seconds_total}, an info metric {@code node_uname_info}. Asking twice for the same
 * family returns the same one, so loops can add to it.
 */
public final class MetricFamilies {

  private enum Type {
    GAUGE,
    COUNTER,
    UNTYPED,
    INFO
  }

  private final Map<String, Family> families = new LinkedHashMap<>();

  /** A gauge family. */
  public Family gauge(String name, String help) {
    return family(name, help, Type.GAUGE);
  }

  /** A counter family; {@code name} ends in {@code _total}. */
  public Family counter(String name, String help) {
    return family(name, help, Type.COUNTER);
  }

  /** A family of type untyped (node_exporter's vmstat, netstat, …). */
  public Family untyped(String name, String help) {
    return family(name, help, Type.UNTYPED);
  }

  /**
   * An info family; {@code name} ends in {@code _info}. Exposed as a gauge of value 1 in the
   * Prometheus text format, as node_exporter does, and as info in OpenMetrics.
   */
  public Family info(String name, String help) {
    return family(name, help, Type.INFO);
  }

  public boolean isEmpty() {
    return families.isEmpty();
  }

  /** The families added so far. Families without samples are left out. */
  public MetricSnapshots build() {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (Family f : families.values()) {
      if (!f.values.isEmpty()) {
        out.add(f.snapshot());
      }
    }
    return new MetricSnapshots(out);
  }

  private Family family(String name, String help, Type type) {
    Family f = families.computeIfAbsent(name, n -> new Family(n, help, type));
    if (f.type != type) {
      throw new IllegalStateException(
          "metric family " + name + " is already a " + f.type + ", not a " + type);
    }
    return f;
  }

  /** One family; add a sample per label set. */
  public static final class Family {
    private final String name;
    private final String help;
    private final Type type;
    private final List<Labels> labels = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    private Family(String name, String help, Type type) {
      this.name = name;
      this.help = help;
      this.type = type;
    }

    /** Adds a sample; {@code labelPairs} alternate name and value. */
    public Family add(double value, String... labelPairs) {
      return add(value, Labels.of(labelPairs));
    }

    public Family add(double value, Labels sampleLabels) {
      labels.add(sampleLabels);
      values.add(value);
      return this;
    }

    /** Adds an info sample (value 1). */
    public Family addInfo(String... labelPairs) {
      return add(1, labelPairs);
    }

    private MetricSnapshot snapshot() {
      switch (type) {
        case GAUGE -> {
          GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
          for (int i = 0; i < values.size(); i++) {
            b.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .value(values.get(i))
                    .labels(labels.get(i))
                    .build());
          }
          return b.build();
        }
        case COUNTER -> {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(strip(name, "_total")).help(help);
          for (int i = 0; i < values.size(); i++) {
            b.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder()
                    .value(values.get(i))
                    .labels(labels.get(i))
                    .build());
          }
          return b.build();
        }
        case UNTYPED -> {
          UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
          for (int i = 0; i < values.size(); i++) {
            b.dataPoint(
                UnknownSnapshot.UnknownDataPointSnapshot.builder()
                    .value(values.get(i))
                    .labels(labels.get(i))
                    .build());
          }
          return b.build();
        }
        case INFO -> {
          InfoSnapshot.Builder b = InfoSnapshot.builder().name(strip(name, "_info")).help(help);
          for (Labels l : labels) {
            b.dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(l).build());
          }
          return b.build();
        }
        default -> throw new AssertionError(type);
      }
    }

    private static String strip(String name, String suffix) {
      return name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
    }
  }
}
