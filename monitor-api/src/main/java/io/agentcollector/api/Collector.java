package io.agentcollector.api;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.ExtensionPoint;

/**
 * A source of metric families, run by the agent on its plugin's interval.
 *
 * <p>Declare implementations with PF4J's {@code @Extension} or in {@code
 * META-INF/services/io.agentcollector.api.Collector}, and their registration with {@link
 * CollectorInfo}. The runtime creates the collector itself, once per agent start: with its public
 * constructor taking the {@link CollectorContext} if it has one, else with its public no-arg
 * constructor followed by {@link #start} (the form before API 0.2.0). The constructor reads the
 * settings and probes what exists: throw {@link InvalidConfigException} for a bad setting (the
 * agent exits with a message naming the key); any other exception disables this collector and is
 * logged once. The runtime then calls {@link #collect} on its own worker thread, never twice at
 * once, and {@link #stop} at shutdown. It catches everything a collector throws, applies the
 * plugin's timeout (by interrupting the thread) and serves the last good result, so {@code collect}
 * may block or fail without affecting the scrape. {@code plugins/example} and {@code
 * docs/plugins.md} show the whole form.
 */
public interface Collector extends ExtensionPoint {

  /**
   * The {@code collector} label of the self-metrics: {@link CollectorInfo#name()}. Collectors
   * written before 0.2.0 override it instead of declaring {@link CollectorInfo}.
   */
  default String name() {
    return CollectorInfos.required(this).name();
  }

  /** {@link CollectorInfo#enabledByDefault()}; true for a collector without the annotation. */
  default boolean enabledByDefault() {
    return CollectorInfos.of(getClass()).map(CollectorInfo::enabledByDefault).orElse(true);
  }

  /** {@link CollectorInfo#nodeExporter()}; false for a collector without the annotation. */
  default boolean mirrorsNodeExporter() {
    return CollectorInfos.of(getClass()).map(CollectorInfo::nodeExporter).orElse(false);
  }

  /**
   * Called once after the no-arg constructor, for collectors without a constructor taking the
   * context; same rules for exceptions as that constructor.
   *
   * @deprecated take the {@link CollectorContext} in a public constructor, so fields can be final.
   *     Kept so that plugins built for API 0.1.0 still run.
   */
  @Deprecated(since = "0.2.0")
  default void start(CollectorContext context) throws Exception {}

  /**
   * Produces this cycle's families. A family name must be unique across all collectors of the
   * agent. "Not present on this host" is an empty result, not an exception: {@code
   * io.agentcollector.kernel.KernelFiles.readIfPresent} reads a kernel file that way.
   */
  MetricSnapshots collect() throws Exception;

  /** Releases resources (threads, connections). Called once; must not throw. */
  default void stop() {}
}
