package io.agentcollector.plugin.example;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.agentcollector.api.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.pf4j.Extension;

/**
 * The smallest useful collector: reads two settings and exposes {@code example_value{name}} and
 * {@code example_collections_total}. Golden file: {@code src/test/golden/example.prom}.
 */
@Extension
public final class ExampleCollector implements Collector {

  private ExampleConfig config;
  private long collections;

  @Override
  public String name() {
    return "example";
  }

  @Override
  public void start(CollectorContext context) {
    config = ExampleConfig.from(context.config());
  }

  @Override
  public MetricSnapshots collect() {
    collections++;
    MetricFamilies families = new MetricFamilies();
    families.gauge("example_value", "The value set in plugins.example.value.")
        .add(config.value(), "name", config.label());
    families.counter("example_collections_total", "Cycles this collector has run.")
        .add(collections);
    return families.build();
  }
}
