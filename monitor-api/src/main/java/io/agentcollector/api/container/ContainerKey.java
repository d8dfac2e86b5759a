package io.agentcollector.api.container;

import java.util.Objects;

/**
 * A container's identity across cycles: its runtime and the runtime's id for it. Ids are unique per
 * runtime only (docker and containerd may both know an id).
 */
public record ContainerKey(String runtime, String id) {

  public ContainerKey {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(id, "id");
  }

  public static ContainerKey of(ContainerInfo c) {
    return new ContainerKey(c.runtime(), c.id());
  }

  /** {@code runtime/id}, for log lines. */
  @Override
  public String toString() {
    return runtime + "/" + id;
  }
}
