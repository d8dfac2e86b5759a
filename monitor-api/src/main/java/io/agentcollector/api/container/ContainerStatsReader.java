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

  /**
   * A cheap reading (one small file) that changes whenever a task of the container has run, such
   * as its CPU usage counter; null when the reader has none. While it stays the same the
   * collector may keep the container's last {@link #read} for up to {@code idle-refresh}: an idle
   * container's memory, IO and pids counters only move when its tasks run. A reader whose other
   * counters also move without that (cgroup v2's writeback IO and PSI stall times) returns null.
   * A reader may use this reading in the {@link #read} that follows it.
   */
  default String activity(ContainerInfo container) throws Exception {
    return null;
  }

  default void stop() {}
}
