package io.agentcollector.runtime.schedule;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which collector exposes which metric family. Two collectors exposing the same family would make
 * every scrape fail, so the first owner keeps it and the second is taken out.
 */
public final class FamilyOwners {

  private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();

  /** Reserves names for the agent itself (self-metrics, JVM metrics). */
  public void reserve(String name, String owner) {
    owners.putIfAbsent(name, owner);
  }

  /** Claims every family of {@code snapshots} for {@code owner}; on a clash, names the clash. */
  public Optional<String> claim(String owner, MetricSnapshots snapshots) {
    List<String> claimed = new ArrayList<>();
    for (MetricSnapshot s : snapshots) {
      String name = s.getMetadata().getPrometheusName();
      String previous = owners.putIfAbsent(name, owner);
      if (previous == null) {
        claimed.add(name);
      } else if (!previous.equals(owner)) {
        claimed.forEach(owners::remove);
        return Optional.of("metric family " + name + " is already exposed by " + previous);
      }
    }
    return Optional.empty();
  }
}
