package io.agentcollector.runtime.schedule;

import io.agentcollector.api.Collector;
import java.time.Duration;

/**
 * One enabled collector as configured: which plugin it belongs to, how often and how long it may
 * run, and how many series one cycle may return.
 *
 * @param plugin the plugin's id
 * @param budget its {@code max-series}; the same object its context reports cuts to
 */
public record CollectorSpec(
    String plugin, Collector collector, Duration interval, Duration timeout, SeriesBudget budget) {

  /** {@code plugin/collector}, as logs and messages name it. */
  public String id() {
    return plugin + "/" + collector.name();
  }
}
