package io.agentcollector.testkit;

import io.agentcollector.api.Collector;
import io.agentcollector.api.CollectorContext;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** Runs a collector through its whole life once, as the runtime would for one cycle. */
public final class CollectorRun {

  /** A collector's constructor taking the context: {@code MeminfoCollector::new}. */
  @FunctionalInterface
  public interface Creator {
    Collector create(CollectorContext context) throws Exception;
  }

  private CollectorRun() {}

  /** Creates the collector with {@code context}, collects once, stops it. */
  public static MetricSnapshots once(Creator creator, CollectorContext context) throws Exception {
    Collector collector = creator.create(context);
    try {
      return collector.collect();
    } finally {
      collector.stop();
    }
  }

  /** A collector of the form before API 0.2.0: starts it with {@code context}, collects once. */
  @SuppressWarnings("deprecation") // the old form's start is what this runs
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
