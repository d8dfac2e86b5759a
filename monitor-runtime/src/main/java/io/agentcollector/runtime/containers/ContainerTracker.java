package io.agentcollector.runtime.containers;

import io.agentcollector.api.container.ContainerInfo;
import io.agentcollector.api.container.ContainerKey;
import io.agentcollector.api.container.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The containers seen so far, so that stopped and removed ones stay visible (state, exit code, OOM)
 * for the retention period from when they stopped or disappeared.
 */
final class ContainerTracker {

  private final Duration retention;
  private Map<ContainerKey, Seen> seen = new HashMap<>();

  private record Seen(ContainerInfo info, Instant stoppedAt) {}

  /**
   * What one cycle exposes.
   *
   * @param visible the containers to expose now, running or within their retention
   * @param expired the containers whose retention ended in this cycle: forget them
   */
  record Tracked(List<ContainerInfo> visible, List<ContainerKey> expired) {}

  ContainerTracker(Duration retention) {
    this.retention = retention;
  }

  /**
   * Updates what was seen with the runtimes' {@code current} list. A stopped container, and a
   * removed one whatever its last state, stays for the retention period.
   */
  Tracked track(List<ContainerInfo> current, Instant now) {
    Map<ContainerKey, Seen> next = new LinkedHashMap<>();
    for (ContainerInfo c : current) {
      ContainerKey key = c.key();
      Seen before = seen.get(key);
      Instant stoppedAt = null;
      if (stopped(c)) {
        stoppedAt =
            before != null && before.stoppedAt() != null
                ? before.stoppedAt()
                : c.finishedAt().orElse(now);
      }
      next.put(key, new Seen(c, stoppedAt));
    }
    for (var e : seen.entrySet()) {
      if (!next.containsKey(e.getKey())) {
        next.put(e.getKey(), removed(e.getValue(), now));
      }
    }
    Map<ContainerKey, Seen> kept = new HashMap<>();
    List<ContainerInfo> visible = new ArrayList<>();
    List<ContainerKey> expired = new ArrayList<>();
    for (var e : next.entrySet()) {
      Instant stoppedAt = e.getValue().stoppedAt();
      if (stoppedAt != null && now.isAfter(stoppedAt.plus(retention))) {
        expired.add(e.getKey());
        continue;
      }
      kept.put(e.getKey(), e.getValue());
      visible.add(e.getValue().info());
    }
    seen = kept;
    return new Tracked(visible, expired);
  }

  /** A container gone from its runtime's list: its last state stays visible. */
  private static Seen removed(Seen last, Instant now) {
    ContainerInfo info = last.info();
    if (!stopped(info)) {
      // It had processes: it was killed.
      info = info.withState(ContainerState.EXITED, OptionalInt.empty(), false, Optional.of(now));
    }
    return new Seen(info, last.stoppedAt() != null ? last.stoppedAt() : now);
  }

  private static boolean stopped(ContainerInfo c) {
    return c.state() == ContainerState.EXITED || c.state() == ContainerState.DEAD;
  }

  /** The containers of {@code runtime} as last seen: for a cycle in which it did not answer. */
  List<ContainerInfo> lastKnown(String runtime) {
    List<ContainerInfo> out = new ArrayList<>();
    for (Seen s : seen.values()) {
      if (s.info().runtime().equals(runtime)) {
        out.add(s.info());
      }
    }
    return out;
  }

  void clear() {
    seen.clear();
  }
}
