package io.agentcollector.runtime.containers;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each container's {@link SeriesLabels}, kept from the last cycle while its labels stay the same,
 * with the labels the runtime adds to every series (host, static) set here once per container.
 */
final class SeriesLabelCache {

  private final Map<String, String> injected;
  private Map<ContainerKey, SeriesLabels> last = new HashMap<>();

  SeriesLabelCache(Map<String, String> injected) {
    this.injected = Map.copyOf(injected);
  }

  /**
   * The series labels of this cycle's {@code containers}, whose labels are {@code labels} (same
   * order); the containers of the last cycle that are not among them are forgotten.
   */
  List<SeriesLabels> cycle(List<ContainerInfo> containers, List<Map<String, String>> labels) {
    Map<ContainerKey, SeriesLabels> used = new HashMap<>();
    List<SeriesLabels> out = new ArrayList<>(containers.size());
    for (int i = 0; i < containers.size(); i++) {
      ContainerKey key = containers.get(i).key();
      Map<String, String> all = withInjected(labels.get(i));
      SeriesLabels before = last.get(key);
      SeriesLabels l = before != null && before.matches(all) ? before : new SeriesLabels(all);
      used.put(key, l);
      out.add(l);
    }
    last = used;
    return out;
  }

  private Map<String, String> withInjected(Map<String, String> labels) {
    if (injected.isEmpty()) {
      return labels;
    }
    Map<String, String> all = new LinkedHashMap<>(labels);
    for (var e : injected.entrySet()) {
      all.putIfAbsent(e.getKey(), e.getValue());
    }
    return all;
  }
}
