package io.agentcollector.plugin.example;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.CollectorInfo;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.Extension;

/**
 * The smallest useful collector: reads two settings and exposes {@code example_value{name}} and
 * {@code example_collections_total}. Golden file: {@code src/test/golden/example.prom}.
 *
 * <p>{@code @CollectorInfo} registers it (name, on by default, not a node_exporter collector); the
 * agent creates it with its context, so settings are read and checked once, into final fields.
 */
@Extension
@CollectorInfo(name = "example")
public final class ExampleCollector implements Collector {

  private final ExampleConfig config;
  private long collections;

  /** A bad setting throws InvalidConfigException: the agent exits with 2, naming the key. */
  public ExampleCollector(CollectorContext context) {
    config = ExampleConfig.from(context.config());
  }

  @Override
  public MetricSnapshots collect() {
    collections++;
    MetricFamilies families = new MetricFamilies();
    families
        .gauge("example_value", "The value set in plugins.example.value.")
        .add(config.value(), "name", config.label());
    families
        .counter("example_collections_total", "Cycles this collector has run.")
        .add(collections);
    return families.build();
  }
}
