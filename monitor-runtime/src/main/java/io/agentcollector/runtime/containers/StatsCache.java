package io.agentcollector.runtime.containers;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerStats;
import io.agentcollector.api.container.ContainerStatsReader;
import io.agentcollector.api.container.ContainerStatsReader.Activity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last full stats reading per container, kept while the container is idle: its {@link Activity}
 * (CPU usage) stays the same, for up to {@code idle-refresh}, and as long as the runtime describes
 * it the same way (a restart, pause or update hands a new description); else a full read, handed
 * the activity just read. A container not read in a cycle is forgotten.
 */
final class StatsCache {

  private final long idleRefreshMillis;
  private Map<ContainerKey, Reading> readings = new HashMap<>();
  private Map<ContainerKey, Reading> next = new HashMap<>();

  private record Reading(
      ContainerInfo info, Activity activity, ContainerStats stats, long readAt) {}

  /** {@code idleRefresh} zero: every cycle reads in full, without asking for the activity. */
  StatsCache(Duration idleRefresh) {
    this.idleRefreshMillis = idleRefresh.toMillis();
  }

  /** Starts a cycle: what it does not read again is dropped at {@link #endCycle}. */
  void beginCycle() {
    next.clear(); // a cycle that failed half-way
  }

  /** The container's stats at {@code nowMillis}: kept or read by {@code reader}. */
  Optional<ContainerStats> stats(ContainerStatsReader reader, ContainerInfo c, long nowMillis)
      throws Exception {
    if (idleRefreshMillis <= 0) {
      return reader.read(c);
    }
    Optional<Activity> activity = reader.activity(c);
    if (activity.isEmpty()) {
      return reader.read(c);
    }
    ContainerKey key = c.key();
    Reading last = readings.get(key);
    if (last != null
        && last.info() == c
        && activity.get().equals(last.activity())
        && nowMillis - last.readAt() < idleRefreshMillis) {
      next.put(key, last);
      return Optional.of(last.stats());
    }
    Optional<ContainerStats> stats = reader.read(c, activity.get());
    stats.ifPresent(s -> next.put(key, new Reading(c, activity.get(), s, nowMillis)));
    return stats;
  }

  /** Ends a cycle: the readings of this cycle are the ones kept. */
  void endCycle() {
    readings = next;
    next = new HashMap<>();
  }

  void clear() {
    readings.clear();
    next.clear();
  }
}
