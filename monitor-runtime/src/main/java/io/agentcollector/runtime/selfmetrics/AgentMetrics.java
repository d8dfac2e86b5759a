package io.agentcollector.runtime.selfmetrics;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.OutOfMemory;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.LabelInjector;
import io.agentcollector.runtime.schedule.WorkerPool;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code /metrics} serves: the last good result of each collector, the agent's
 * self-metrics and (optionally) JVM and process metrics. Nothing here runs a collector: a scrape
 * only reads snapshots, so a hung collector cannot slow it.
 */
public final class AgentMetrics implements MultiCollector {

  /**
   * Names the agent itself exposes, reserved even while a family has no samples (then {@link
   * #self()} leaves it out); a plugin's family showing one of them is withheld.
   */
  public static final List<String> SELF_FAMILIES =
      List.of(
          "monitor_collector_success",
          "monitor_collector_duration_seconds",
          "monitor_collector_last_success_timestamp_seconds",
          "monitor_collector_errors", "monitor_collector_errors_total", "monitor_collector_errors_created",
          "monitor_collector_cpu_seconds", "monitor_collector_cpu_seconds_total", "monitor_collector_cpu_seconds_created",
          "monitor_collector_series",
          "monitor_collector_series_budget_exceeded", "monitor_collector_series_budget_exceeded_total",
          "monitor_collector_series_budget_exceeded_created",
          "monitor_build", "monitor_build_info",
          "monitor_plugin", "monitor_plugin_info",
          "monitor_plugin_load_failures",
          "monitor_out_of_memory_errors",
          "monitor_scheduler_stuck_threads",
          "monitor_scheduler_abandoned_threads",
          "node_scrape_collector_success",
          "node_scrape_collector_duration_seconds");

  private final List<CollectorRunner> runners;
  private final BuildInfo build;
  private final Map<String, String> pluginVersions;
  private final int loadFailures;
  private final LabelInjector labels;
  private final PrometheusRegistry jvm;
  private final WorkerPool workers;

  public AgentMetrics(
      List<CollectorRunner> runners,
      BuildInfo build,
      Map<String, String> pluginVersions,
      int loadFailures,
      LabelInjector labels,
      PrometheusRegistry jvm) {
    this(runners, build, pluginVersions, loadFailures, labels, jvm, null);
  }

  /**
   * @param jvm a registry holding JVM/process metrics, or null when they are switched off
   * @param workers the scheduler's pool, for its given-up threads; null without a scheduler
   */
  public AgentMetrics(
      List<CollectorRunner> runners,
      BuildInfo build,
      Map<String, String> pluginVersions,
      int loadFailures,
      LabelInjector labels,
      PrometheusRegistry jvm,
      WorkerPool workers) {
    this.workers = workers;
    this.runners = List.copyOf(runners);
    this.build = build;
    this.pluginVersions = Map.copyOf(pluginVersions);
    this.loadFailures = loadFailures;
    this.labels = labels;
    this.jvm = jvm;
  }

  /** Reserves the agent's own family names so no plugin can take them. */
  public void reserveNames(FamilyOwners owners) {
    SELF_FAMILIES.forEach(n -> owners.reserve(n, "the agent's self-metrics"));
    owners.reserve(self(), "the agent's self-metrics");
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
    labels.apply(self()).forEach(all::add);
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
  public Object version() {
    int n = runners.size();
    long[] v = new long[n + 3];
    for (int i = 0; i < n; i++) {
      v[i] = runners.get(i).version();
    }
    v[n] = jvm == null ? 0 : System.currentTimeMillis() / 1000;
    v[n + 1] = OutOfMemory.count();
    v[n + 2] = workers == null ? 0 : workers.abandonedTotal() << 8 | workers.abandoned();
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

  /** The self-metrics alone (also used by {@code snapshot}). */
  public MetricSnapshots self() {
    MetricFamilies f = new MetricFamilies();
    var success =
        f.gauge("monitor_collector_success",
            "Whether the collector's last cycle succeeded and ended within two intervals (or one interval and the timeout).");
    var duration = f.gauge("monitor_collector_duration_seconds", "Duration of the collector's last cycle.");
    var lastOk =
        f.gauge(
            "monitor_collector_last_success_timestamp_seconds",
            "When the collector's last successful cycle ended, in seconds since the epoch.");
    var errors = f.counter("monitor_collector_errors_total", "Cycles of the collector that failed.");
    var series = f.gauge("monitor_collector_series", "Samples the collector's last good cycle produced.");
    var overBudget =
        f.counter(
            "monitor_collector_series_budget_exceeded_total",
            "Cycles of the collector over its max-series budget: result refused, or cut short by the collector.");
    var cpu =
        f.counter(
            "monitor_collector_cpu_seconds_total",
            "CPU time the collector's cycles used on their own thread (work handed to other threads not included).");
    var neSuccess = f.gauge("node_scrape_collector_success", "node_exporter: whether a collector succeeded.");
    var neDuration =
        f.gauge("node_scrape_collector_duration_seconds", "node_exporter: collector duration.");
    Set<String> nodeNames = new HashSet<>();
    for (CollectorRunner r : runners) {
      String plugin = r.plugin();
      String name = r.collector().name();
      double ok = r.succeeding() ? 1 : 0;
      success.add(ok, "plugin", plugin, "collector", name);
      duration.add(r.lastDurationSeconds(), "plugin", plugin, "collector", name);
      if (r.lastSuccessMillis() >= 0) {
        lastOk.add(r.lastSuccessMillis() / 1000.0, "plugin", plugin, "collector", name);
      }
      errors.add(r.errors(), "plugin", plugin, "collector", name);
      series.add(r.series(), "plugin", plugin, "collector", name);
      overBudget.add(r.budgetExceeded(), "plugin", plugin, "collector", name);
      cpu.add(r.cpuSeconds(), "plugin", plugin, "collector", name);
      if (r.collector().mirrorsNodeExporter() && nodeNames.add(name) && r.finishedOnce()) {
        neSuccess.add(ok, "collector", name);
        neDuration.add(r.lastDurationSeconds(), "collector", name);
      }
    }
    f.info("monitor_build_info", "Version of the agent and the Java it runs on.")
        .addInfo("version", build.version(), "revision", build.revision(), "java_version", build.javaVersion());
    var plugins = f.info("monitor_plugin_info", "Plugins loaded, with their version.");
    pluginVersions.forEach((id, v) -> plugins.addInfo("plugin", id, "version", v));
    f.gauge("monitor_plugin_load_failures", "Plugin files in the plugins directory that could not be loaded.")
        .add(loadFailures);
    f.counter("monitor_out_of_memory_errors_total", "OutOfMemoryErrors the agent survived (collector cycles that ran out of heap).")
        .add(OutOfMemory.count());
    if (workers != null) {
      f.gauge("monitor_scheduler_stuck_threads",
              "Collector threads given up after ignoring the interrupt at their timeout, not returned yet.")
          .add(workers.abandoned());
      f.counter("monitor_scheduler_abandoned_threads_total",
              "Collector threads given up after ignoring the interrupt at their timeout, and replaced.")
          .add(workers.abandonedTotal());
    }
    return f.build();
  }
}
