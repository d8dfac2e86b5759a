package io.agentcollector.testkit;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** Runs a collector through its whole life once, as the runtime would for one cycle. */
public final class CollectorRun {

  private CollectorRun() {}

  public static MetricSnapshots once(Collector collector, CollectorContext context)
      throws Exception {
    collector.start(context);
    try {
      return collector.collect();
    } finally {
      collector.stop();
    }
  }
}
