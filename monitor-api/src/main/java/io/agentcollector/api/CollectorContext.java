package io.agentcollector.api;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What the runtime hands a collector: to its constructor (or to the deprecated {@link
 * Collector#start} of collectors written before API 0.2.0), and to container runtimes, cgroup
 * readers and enrichers.
 */
public interface CollectorContext {

  /** Id of the plugin the collector belongs to, also the config section name. */
  String pluginId();

  /** The plugin's section, {@code plugins.<id>}, merged over the plugin's shipped defaults. */
  PluginConfig config();

  /**
   * The value of the {@code host} label the runtime adds to every series, empty when disabled.
   * Collectors need it only to label something other than series (log lines, for example).
   */
  Optional<String> hostLabel();

  /** Where the host's proc, sys, rootfs and cgroup trees are mounted. */
  HostPaths hostPaths();

  /** Wall clock; tests pass a fixed one. */
  Clock clock();

  /** A logger named after the plugin and collector. */
  Logger logger();

  /**
   * The most series (samples, counted as Prometheus' {@code sample_limit} counts them) one {@link
   * Collector#collect} may return: {@code plugins.<id>.max-series}. The runtime refuses a larger
   * result whole. A collector that can stop early (one parsing files) stops at it, leaves out what
   * does not fit and says so with {@link #seriesBudgetExceeded}.
   */
  default long maxSeries() {
    return Long.MAX_VALUE;
  }

  /**
   * Reports that this cycle left something out to stay within {@link #maxSeries}; the cycle is
   * counted in {@code monitor_collector_series_budget_exceeded_total}. The collector logs what it
   * left out itself.
   */
  default void seriesBudgetExceeded() {}

  /**
   * Who else in the agent exposes the metric name {@code name}, as it appears in the exposition
   * ({@code x_total} of a counter {@code x}, {@code x_info} of an info, {@code x_bucket} …): a
   * collector ({@code plugin/collector}) or the agent's own metrics; empty when nobody else does.
   * For collectors whose family names come from outside (textfile): they ask before exposing a
   * family and leave out one another collector has. Asking makes this collector yield: a collector
   * that does not ask takes such a name over, and this one stops serving it.
   */
  default Optional<String> otherOwner(String name) {
    return Optional.empty();
  }
}
