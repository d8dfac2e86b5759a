package io.agentcollector.api.container;

import io.agentcollector.api.CollectorContext;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/** Reads a container's resource usage from one cgroup layout (v1 or v2). */
public interface ContainerStatsReader extends ExtensionPoint {

  /**
   * A cheap reading (one small file) that changes whenever a task of the container has run, such as
   * its CPU usage counter. The reader defines it; it must compare by value ({@code equals}), as a
   * record does. The collector compares it with the one of the container's last full read and hands
   * it back to the {@link #read(ContainerInfo, Activity)} that follows, so the reader keeps no
   * state between the two calls.
   */
  interface Activity {}

  /** {@code cgroup-v1}, {@code cgroup-v2}. */
  String name();

  /** Probes the host's cgroup layout under {@code hostPaths()}. */
  default void start(CollectorContext context) throws Exception {}

  /** Whether this host's layout is the one this reader handles (decided in start). */
  boolean active();

  /** The container's stats; empty when its cgroup does not exist (it just exited). */
  Optional<ContainerStats> read(ContainerInfo container) throws Exception;

  /**
   * {@link #read(ContainerInfo)} right after {@link #activity} returned {@code activity} for the
   * same container: the reader may use that reading instead of reading it again, so the stats are
   * never newer than the activity the collector keeps them under.
   */
  default Optional<ContainerStats> read(ContainerInfo container, Activity activity)
      throws Exception {
    return read(container);
  }

  /**
   * The container's {@link Activity}; empty when the reader has none. While it stays the same the
   * collector may keep the container's last {@link #read} for up to {@code idle-refresh}: an idle
   * container's memory, IO and pids counters only move when its tasks run. A reader whose other
   * counters also move without that (cgroup v2's writeback IO and PSI stall times) returns empty.
   */
  default Optional<Activity> activity(ContainerInfo container) throws Exception {
    return Optional.empty();
  }

  default void stop() {}
}
