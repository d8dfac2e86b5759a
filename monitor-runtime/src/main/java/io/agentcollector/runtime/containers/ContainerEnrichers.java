package io.agentcollector.runtime.containers;

import io.agentcollector.api.Failures;
import io.agentcollector.api.MetricFamilies;
import io.agentcollector.api.container.ContainerEnricher;
import io.agentcollector.api.container.ContainerInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The {@link ContainerEnricher}s: their labels for a container (the first one to give a label
 * wins), and their status as {@code monitor_container_enricher_*} with one log line per change.
 */
final class ContainerEnrichers {

  private final List<ContainerEnricher> enrichers;
  private final Logger log;
  private final Map<String, String> states = new HashMap<>();

  ContainerEnrichers(List<ContainerEnricher> enrichers, Logger log) {
    this.enrichers = enrichers;
    this.log = log;
  }

  /** Every enricher's labels for {@code c}; a failing enricher adds none. */
  Map<String, String> labels(ContainerInfo c) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ContainerEnricher e : enrichers) {
      try {
        e.labels(c).forEach(out::putIfAbsent);
      } catch (RuntimeException ex) {
        log.debug("enricher {} failed for {}: {}", e.name(), c.id(), Failures.summary(ex));
      }
    }
    return out;
  }

  void status(MetricFamilies f) {
    if (enrichers.isEmpty()) {
      return;
    }
    var up =
        f.gauge(
            "monitor_container_enricher_up",
            "Whether the container enricher's source (e.g. the Kubernetes API) answers.");
    var status =
        f.gauge(
            "monitor_container_enricher_status",
            "The container enricher's status: 1 for the current one, ok or why not.");
    for (ContainerEnricher e : enrichers) {
      String s = status(e);
      up.add("ok".equals(s) ? 1 : 0, "enricher", e.name());
      status.add(1, "enricher", e.name(), "status", s);
      String before = states.put(e.name(), s);
      if (!s.equals(before) && !(before == null && "ok".equals(s))) {
        if ("ok".equals(s) || "connecting".equals(s)) {
          log.info("container enricher {} is {}", e.name(), s);
        } else {
          log.warn("container enricher {}: {}", e.name(), s);
        }
      }
    }
  }

  private static String status(ContainerEnricher e) {
    String s;
    try {
      s = e.status();
    } catch (RuntimeException ex) {
      s = "error";
    }
    return s == null || s.isBlank() ? "unknown" : s;
  }
}
