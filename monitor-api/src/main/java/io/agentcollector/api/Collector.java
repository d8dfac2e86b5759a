package io.agentcollector.api;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.ExtensionPoint;

/**
 * A source of metric families, run by the agent on its plugin's interval.
 *
 * <p>Declare implementations with PF4J's {@code @Extension} or in {@code
 * META-INF/services/io.agentcollector.api.Collector}. The runtime calls {@link #start} once,
 * then {@link #collect} on its own worker thread, never twice at once, and {@link #stop} at
 * shutdown. It catches everything a collector throws, applies the plugin's timeout (by
 * interrupting the thread) and serves the last good result, so {@code collect} may block or fail
 * without affecting the scrape.
 */
public interface Collector extends ExtensionPoint {

  /**
   * The {@code collector} label of the self-metrics. For collectors that mirror a node_exporter
   * collector this is node_exporter's name ({@code cpu}, {@code meminfo}, …).
   */
  String name();

  /** Whether this collector runs when the config does not mention it (node_exporter's default). */
  default boolean enabledByDefault() {
    return true;
  }

  /**
   * Whether this collector mirrors a node_exporter collector of the same {@link #name()}; such
   * collectors are also reported in {@code node_scrape_collector_success} and {@code
   * node_scrape_collector_duration_seconds}.
   */
  default boolean mirrorsNodeExporter() {
    return false;
  }

  /**
   * Reads the plugin's settings and probes what exists. Throw {@link InvalidConfigException} for
   * a bad setting (the agent exits with a message naming the key); any other exception disables
   * this collector and is logged once.
   */
  default void start(CollectorContext context) throws Exception {}

  /**
   * Produces this cycle's families. A family name must be unique across all collectors of the
   * agent. "Not present on this host" is an empty result, not an exception.
   */
  MetricSnapshots collect() throws Exception;

  /** Releases resources (threads, connections). Called once; must not throw. */
  default void stop() {}
}
