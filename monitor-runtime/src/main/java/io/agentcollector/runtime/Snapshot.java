package io.agentcollector.runtime;

import io.agentcollector.api.Threads;
import io.agentcollector.runtime.config.AgentConfig;
import io.agentcollector.runtime.plugins.PluginCatalog;
import io.agentcollector.runtime.schedule.CollectorRunner;
import io.agentcollector.runtime.schedule.CollectorState;
import io.agentcollector.runtime.schedule.FamilyOwners;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One cycle of the collectors, outside the scheduler: for {@code snapshot} and {@code
 * check-config}.
 */
public final class Snapshot {

  private Snapshot() {}

  /** What one cycle produced, and the collectors that failed with their reason. */
  public record Result(MetricSnapshots metrics, Map<String, String> failures) {}

  /**
   * Starts the enabled collectors (or only {@code onlyPlugin}, enabled or not), runs each once
   * within its timeout, stops them.
   */
  public static Result run(
      AgentConfig config, PluginCatalog catalog, Clock clock, String onlyPlugin) {
    CollectorSet set =
        CollectorSet.start(
            config,
            catalog,
            clock,
            new FamilyOwners(),
            CollectorSet.labelsOf(config),
            id -> onlyPlugin == null ? config.plugin(id).enabled() : id.equals(onlyPlugin));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(Threads.daemon("snapshot-timer"));
    try (set) {
      List<MetricSnapshot> all = new ArrayList<>();
      Map<String, String> failures = new LinkedHashMap<>();
      for (CollectorRunner r : set.runners()) {
        r.runOnce(timer);
        if (r.state() == CollectorState.OK) {
          r.current().forEach(all::add);
        } else {
          failures.put(r.id(), r.lastError());
        }
      }
      return new Result(new MetricSnapshots(all), failures);
    } finally {
      timer.shutdownNow();
    }
  }

  /** Starts and stops every enabled collector: their settings are validated in start. */
  public static void validate(AgentConfig config, PluginCatalog catalog, Clock clock) {
    CollectorSet.start(
            config,
            catalog,
            clock,
            new FamilyOwners(),
            CollectorSet.labelsOf(config),
            id -> config.plugin(id).enabled())
        .close();
  }
}
