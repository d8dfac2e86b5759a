package io.agentcollector.runtime;

import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorState;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** One cycle of the collectors, outside the scheduler: for {@code snapshot} and {@code check-config}. */
public final class Snapshot {

  private Snapshot() {}

  /** What one cycle produced, and the collectors that failed with their reason. */
  public record Result(MetricSnapshots metrics, Map<String, String> failures) {}

  /**
   * Starts the enabled collectors (or only {@code onlyPlugin}, enabled or not), runs each once
   * within its timeout, stops them.
   */
  public static Result run(AgentConfig config, PluginCatalog catalog, Clock clock, String onlyPlugin) {
    CollectorSet set =
        CollectorSet.start(config, catalog, clock, new FamilyOwners(), CollectorSet.labelsOf(config),
            id -> onlyPlugin == null ? config.plugin(id).enabled() : id.equals(onlyPlugin));
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "snapshot-timer");
      t.setDaemon(true);
      return t;
    });
    try (set) {
      List<MetricSnapshot> all = new ArrayList<>();
      Map<String, String> failures = new LinkedHashMap<>();
      for (CollectorRunner r : set.runners()) {
        r.runOnce(timer);
        if (r.state() == CollectorState.OK) {
          r.current().forEach(all::add);
        } else {
          failures.put(r.id(), r.lastError());
        }
      }
      return new Result(new MetricSnapshots(all), failures);
    } finally {
      timer.shutdownNow();
    }
  }

  /** Starts and stops every enabled collector: their settings are validated in start. */
  public static void validate(AgentConfig config, PluginCatalog catalog, Clock clock) {
    CollectorSet.start(config, catalog, clock, new FamilyOwners(), CollectorSet.labelsOf(config),
        id -> config.plugin(id).enabled()).close();
  }

  public static String prometheusText(MetricSnapshots snapshots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, snapshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One row per sample: metric, labels, value. */
  public static List<String[]> rows(MetricSnapshots snapshots) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"METRIC", "LABELS", "VALUE"});
    for (MetricSnapshot s : snapshots) {
      String name = s.getMetadata().getPrometheusName() + (s instanceof CounterSnapshot ? "_total" : "");
      for (DataPointSnapshot p : s.getDataPoints()) {
        rows.add(new String[] {name, labels(p.getLabels()), value(p)});
      }
    }
    return rows;
  }

  private static String labels(Labels labels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(labels.getName(i)).append('=').append(labels.getValue(i));
    }
    return sb.toString();
  }

  private static String value(DataPointSnapshot p) {
    if (p instanceof GaugeSnapshot.GaugeDataPointSnapshot g) {
      return number(g.getValue());
    } else if (p instanceof CounterSnapshot.CounterDataPointSnapshot c) {
      return number(c.getValue());
    } else if (p instanceof UnknownSnapshot.UnknownDataPointSnapshot u) {
      return number(u.getValue());
    } else if (p instanceof SummarySnapshot.SummaryDataPointSnapshot su) {
      return "count=" + su.getCount() + " sum=" + number(su.getSum());
    } else if (p instanceof HistogramSnapshot.HistogramDataPointSnapshot h) {
      return "count=" + h.getCount() + " sum=" + (h.hasSum() ? number(h.getSum()) : "-");
    }
    return "1";
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Objects.toString(v);
  }
}
