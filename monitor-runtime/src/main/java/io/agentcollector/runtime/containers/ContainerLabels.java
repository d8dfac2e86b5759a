package io.agentcollector.runtime.containers;

import io.agentcollector.api.container.ContainerInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The identifying labels of a container's series: cAdvisor's {@code id}, {@code name}, {@code
 * image}, kubelet's {@code container}, {@code pod}, {@code namespace}, allowlisted {@code
 * container_label_<k>} and the enrichers' {@code label_<k>}. Every series of a family must carry
 * the same label names, so absent ones are filled with "" across the cycle.
 */
final class ContainerLabels {

  static final String POD = "io.kubernetes.pod.name";
  static final String NAMESPACE = "io.kubernetes.pod.namespace";
  static final String CONTAINER = "io.kubernetes.container.name";

  private ContainerLabels() {}

  /** The labels of one container before filling. */
  static Map<String, String> of(
      ContainerInfo c, List<String> allowlist, Map<String, String> enriched) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("id", c.cgroupPath().isEmpty() ? "/" + c.runtime() + "/" + c.id() : c.cgroupPath());
    l.put("name", c.name());
    l.put("image", c.image());
    // kubelet's rule for a pod's container without a container name (containerd's sandbox):
    // container="". Only containers outside Kubernetes fall back to the runtime's name.
    String unnamed = c.labels().containsKey(POD) ? "" : c.name();
    l.put(
        "container", firstNonEmpty(c.labels().get(CONTAINER), enriched.get("container"), unnamed));
    l.put("pod", firstNonEmpty(c.labels().get(POD), enriched.get("pod"), ""));
    l.put("namespace", firstNonEmpty(c.labels().get(NAMESPACE), enriched.get("namespace"), ""));
    for (String key : allowlist) {
      String v = c.labels().get(key);
      if (v != null) {
        l.putIfAbsent("container_label_" + sanitize(key), v);
      }
    }
    enriched.forEach(
        (k, v) -> {
          if (k.startsWith("label_")) {
            l.putIfAbsent(k, v);
          }
        });
    return l;
  }

  /** Every map gets every key any of them has, with "" where it was missing. */
  static List<Map<String, String>> fill(List<Map<String, String>> all) {
    TreeSet<String> keys = new TreeSet<>();
    all.forEach(m -> keys.addAll(m.keySet()));
    List<Map<String, String>> out = new ArrayList<>(all.size());
    for (Map<String, String> m : all) {
      Map<String, String> filled = new LinkedHashMap<>(m);
      keys.forEach(k -> filled.putIfAbsent(k, ""));
      out.add(filled);
    }
    return out;
  }

  /** cAdvisor's rule: every character outside [a-zA-Z0-9_] becomes _. */
  static String sanitize(String key) {
    return key.replaceAll("[^a-zA-Z0-9_]", "_");
  }

  private static String firstNonEmpty(String a, String b, String c) {
    if (a != null && !a.isEmpty()) {
      return a;
    }
    if (b != null && !b.isEmpty()) {
      return b;
    }
    return c;
  }
}
