package io.agentcollector.runtime.containers;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One container's label set and the label sets of its series (base plus state, cpu, interface,
 * device, ...), kept from cycle to cycle while the container's labels stay the same: building a
 * client_java {@link Labels} sorts and validates its names, and a node with 200 containers has some
 * 12 000 container series per cycle.
 */
final class SeriesLabels {

  private static final int MAX_DERIVED = 1024;

  private final Map<String, String> source;
  private final Labels base;
  private final Map<List<String>, Labels> derived = new HashMap<>();

  SeriesLabels(Map<String, String> source) {
    this.source = Map.copyOf(source);
    this.base =
        Labels.of(source.keySet().toArray(String[]::new), source.values().toArray(String[]::new));
  }

  /** Whether this was built from the same labels. */
  boolean matches(Map<String, String> labels) {
    return source.equals(labels);
  }

  Labels base() {
    return base;
  }

  /** The base labels plus {@code pairs} (alternating name and value). */
  Labels with(String... pairs) {
    // The pairs themselves are the key: mostly constants whose hash codes are cached.
    List<String> key = List.of(pairs);
    Labels l = derived.get(key);
    if (l == null) {
      if (derived.size() >= MAX_DERIVED) {
        derived.clear(); // interfaces or devices that came and went
      }
      String[] names = new String[pairs.length / 2];
      String[] values = new String[pairs.length / 2];
      for (int i = 0; i < names.length; i++) {
        names[i] = pairs[2 * i];
        values[i] = pairs[2 * i + 1];
      }
      l = base.merge(names, values);
      derived.put(key, l);
    }
    return l;
  }
}
