package io.agentcollector.runtime.selfmetrics;

import io.agentcollector.api.MetricFamilies;
import io.agentcollector.runtime.OutOfMemory;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.agentcollector.runtime.schedule.WorkerPool;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's own metrics: per collector whether it is fresh and good, its duration, errors, series
 * and CPU time (and node_exporter's {@code node_scrape_collector_*} for collectors that mirror
 * one), plus build, plugins, out-of-memory errors and given-up scheduler threads. Read from the
 * runners at each scrape; nothing here runs a collector.
 */
public final class SelfMetrics {

  /**
   * Names the agent itself exposes, reserved even while a family has no samples (then {@link
   * #collect()} leaves it out); a plugin's family showing one of them is withheld.
   */
  public static final List<String> SELF_FAMILIES =
      List.of(
          "monitor_collector_success",
          "monitor_collector_duration_seconds",
          "monitor_collector_last_success_timestamp_seconds",
          "monitor_collector_errors",
          "monitor_collector_errors_total",
          "monitor_collector_errors_created",
          "monitor_collector_cpu_seconds",
          "monitor_collector_cpu_seconds_total",
          "monitor_collector_cpu_seconds_created",
          "monitor_collector_series",
          "monitor_collector_series_budget_exceeded",
          "monitor_collector_series_budget_exceeded_total",
          "monitor_collector_series_budget_exceeded_created",
          "monitor_build",
          "monitor_build_info",
          "monitor_plugin",
          "monitor_plugin_info",
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
  private final WorkerPool workers;

  /**
   * @param loadFailures plugin files that could not be loaded
   * @param workers the scheduler's pool, for its given-up threads; null without a scheduler
   */
  public SelfMetrics(
      List<CollectorRunner> runners,
      BuildInfo build,
      Map<String, String> pluginVersions,
      int loadFailures,
      WorkerPool workers) {
    this.runners = List.copyOf(runners);
    this.build = build;
    this.pluginVersions = Map.copyOf(pluginVersions);
    this.loadFailures = loadFailures;
    this.workers = workers;
  }

  /** Reserves the self-metrics' family names so no plugin can take them. */
  public void reserveNames(FamilyOwners owners) {
    SELF_FAMILIES.forEach(n -> owners.reserve(n, "the agent's self-metrics"));
    owners.reserve(collect(), "the agent's self-metrics");
  }

  /** Changes whenever the scheduler's given-up threads do (the runners have their own version). */
  public long schedulerVersion() {
    return workers == null ? 0 : workers.abandonedTotal() << 8 | workers.abandoned();
  }

  /** The self-metrics, without the agent's labels. */
  public MetricSnapshots collect() {
    MetricFamilies f = new MetricFamilies();
    collectors(f);
    agent(f);
    return f.build();
  }

  private void collectors(MetricFamilies f) {
    var success =
        f.gauge(
            "monitor_collector_success",
            "Whether the collector's last cycle succeeded and ended within two intervals (or one"
                + " interval and the timeout).");
    var duration =
        f.gauge("monitor_collector_duration_seconds", "Duration of the collector's last cycle.");
    var lastOk =
        f.gauge(
            "monitor_collector_last_success_timestamp_seconds",
            "When the collector's last successful cycle ended, in seconds since the epoch.");
    var errors =
        f.counter("monitor_collector_errors_total", "Cycles of the collector that failed.");
    var series =
        f.gauge("monitor_collector_series", "Samples the collector's last good cycle produced.");
    var overBudget =
        f.counter(
            "monitor_collector_series_budget_exceeded_total",
            "Cycles of the collector over its max-series budget: result refused, or cut short by"
                + " the collector.");
    var cpu =
        f.counter(
            "monitor_collector_cpu_seconds_total",
            "CPU time the collector's cycles used on their own thread (work handed to other threads"
                + " not included).");
    var neSuccess =
        f.gauge("node_scrape_collector_success", "node_exporter: whether a collector succeeded.");
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
  }

  private void agent(MetricFamilies f) {
    f.info("monitor_build_info", "Version of the agent and the Java it runs on.")
        .addInfo(
            "version",
            build.version(),
            "revision",
            build.revision(),
            "java_version",
            build.javaVersion());
    var plugins = f.info("monitor_plugin_info", "Plugins loaded, with their version.");
    pluginVersions.forEach((id, v) -> plugins.addInfo("plugin", id, "version", v));
    f.gauge(
            "monitor_plugin_load_failures",
            "Plugin files in the plugins directory that could not be loaded.")
        .add(loadFailures);
    f.counter(
            "monitor_out_of_memory_errors_total",
            "OutOfMemoryErrors the agent survived (collector cycles that ran out of heap).")
        .add(OutOfMemory.count());
    if (workers != null) {
      f.gauge(
              "monitor_scheduler_stuck_threads",
              "Collector threads given up after ignoring the interrupt at their timeout, not"
                  + " returned yet.")
          .add(workers.abandoned());
      f.counter(
              "monitor_scheduler_abandoned_threads_total",
              "Collector threads given up after ignoring the interrupt at their timeout, and"
                  + " replaced.")
          .add(workers.abandonedTotal());
    }
  }
}
