package io.agentcollector.runtime;

import io.agentcollector.api.Collector;
import io.agentcollector.runtime.plugins.CollectorType;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * A plugin's collector as its runner and the self-metrics see it: the registration of its class
 * from the start, the instance once its start has created it. A collector whose start failed may
 * have none; its runner is disabled and never asks it to collect.
 */
final class PluginCollector implements Collector {

  private final CollectorType type;
  private volatile Collector instance;

  PluginCollector(CollectorType type) {
    this.type = type;
  }

  void created(Collector collector) {
    instance = collector;
  }

  @Override
  public String name() {
    return type.name();
  }

  @Override
  public boolean enabledByDefault() {
    return type.enabledByDefault();
  }

  @Override
  public boolean mirrorsNodeExporter() {
    return type.mirrorsNodeExporter();
  }

  @Override
  public MetricSnapshots collect() throws Exception {
    Collector c = instance;
    if (c == null) {
      throw new IllegalStateException("collector " + type.name() + " was not created");
    }
    return c.collect();
  }

  @Override
  public void stop() {
    Collector c = instance;
    if (c != null) {
      c.stop();
    }
  }

  @Override
  public String toString() {
    return type.extension().toString();
  }
}
