package io.agentcollector.api.container;

import io.agentcollector.api.CollectorContext;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/** Reads a container's resource usage from one cgroup layout (v1 or v2). */
public interface ContainerStatsReader extends ExtensionPoint {

  /** {@code cgroup-v1}, {@code cgroup-v2}. */
  String name();

  /** Probes the host's cgroup layout under {@code hostPaths()}. */
  default void start(CollectorContext context) throws Exception {}

  /** Whether this host's layout is the one this reader handles (decided in start). */
  boolean active();

  /** The container's stats; empty when its cgroup does not exist (it just exited). */
  Optional<ContainerStats> read(ContainerInfo container) throws Exception;

  default void stop() {}
}
