package io.agentcollector.api.container;

import io.agentcollector.api.CollectorContext;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Adds labels to a container's series from another source (the Kubernetes API): {@code namespace},
 * {@code pod}, {@code container} where the runtime lacked them, and {@code label_<k>}.
 */
public interface ContainerEnricher extends ExtensionPoint {

  String name();

  default void start(CollectorContext context) throws Exception {}

  /** Labels for this container; empty when it knows nothing about it. Must not block. */
  Map<String, String> labels(ContainerInfo container);

  /**
   * Whether its source answers: {@code ok}, or one short lower-case word saying why not ({@code
   * connecting}, {@code unreachable}, {@code forbidden}, {@code unauthorized}, ...). The agent
   * exposes it as {@code monitor_container_enricher_up} and {@code
   * monitor_container_enricher_status}; keep the set of words small, it becomes a label value.
   */
  default String status() {
    return "ok";
  }

  default void stop() {}
}
