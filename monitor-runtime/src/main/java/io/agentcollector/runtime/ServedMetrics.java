package io.agentcollector.runtime;

import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.selfmetrics.SelfMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything {@code /metrics} serves: the last good result of each collector, the agent's
 * self-metrics and (optionally) JVM and process metrics. Nothing here runs a collector: a scrape
 * only reads snapshots, so a hung collector cannot slow it.
 */
final class ServedMetrics implements MultiCollector {

  private final List<CollectorRunner> runners;
  private final SelfMetrics self;
  private final LabelInjector labels;
  private final PrometheusRegistry jvm;

  /**
   * @param labels added to the self-metrics and JVM metrics (the runners' results carry them)
   * @param jvm a registry holding JVM/process metrics, or null when they are switched off
   */
  ServedMetrics(
      List<CollectorRunner> runners,
      SelfMetrics self,
      LabelInjector labels,
      PrometheusRegistry jvm) {
    this.runners = List.copyOf(runners);
    this.self = self;
    this.labels = labels;
    this.jvm = jvm;
  }

  /** Reserves the agent's own family names so no plugin can take them. */
  void reserveNames(FamilyOwners owners) {
    self.reserveNames(owners);
    if (jvm != null) {
      owners.reserve(jvm.scrape(), "the agent's JVM metrics");
    }
  }

  @Override
  public MetricSnapshots collect() {
    List<MetricSnapshot> all = new ArrayList<>();
    for (CollectorRunner r : runners) {
      r.current().forEach(all::add);
    }
    labels.apply(self.collect()).forEach(all::add);
    if (jvm != null) {
      labels.apply(jvm.scrape()).forEach(all::add);
    }
    return new MetricSnapshots(all);
  }

  /**
   * Changes whenever {@link #collect()} would return something else: a collector finished a cycle
   * or went stale. With JVM metrics on, also every second, so those are at most a second old in a
   * cached exposition.
   */
  Object version() {
    int n = runners.size();
    long[] v = new long[n + 3];
    for (int i = 0; i < n; i++) {
      v[i] = runners.get(i).version();
    }
    v[n] = jvm == null ? 0 : System.currentTimeMillis() / 1000;
    v[n + 1] = OutOfMemory.count();
    v[n + 2] = self.schedulerVersion();
    return new Version(v);
  }

  private record Version(long[] parts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Version other && Arrays.equals(parts, other.parts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(parts);
    }
  }
}
