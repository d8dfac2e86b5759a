package io.agentcollector.api.container;

import java.util.Locale;

/**
 * Lifecycle state of a container, as Docker names them (containerd's task states map onto these).
 */
public enum ContainerState {
  CREATED,
  RUNNING,
  PAUSED,
  RESTARTING,
  EXITED,
  DEAD;

  /** The value of the {@code state} label: {@code running}, {@code exited}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the container's processes (and so its cgroup) exist. */
  public boolean hasProcesses() {
    return this == RUNNING || this == PAUSED || this == RESTARTING;
  }
}
