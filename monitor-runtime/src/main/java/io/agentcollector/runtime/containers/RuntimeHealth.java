package io.agentcollector.runtime.containers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Whether each container runtime answered in the last cycle: one log line when that changes (a
 * runtime down from the first cycle on is logged too, one that is up from the start is not), and
 * the text the landing page shows.
 */
final class RuntimeHealth {

  private final Logger log;
  private final Map<String, Boolean> up = new HashMap<>();

  /** Per runtime: "ok" or why it did not answer; read by the landing page's thread. */
  private final Map<String, String> health = new ConcurrentHashMap<>();

  RuntimeHealth(Logger log) {
    this.log = log;
  }

  void answered(String runtime) {
    health.put(runtime, "ok");
    Boolean before = up.put(runtime, true);
    if (Boolean.FALSE.equals(before)) {
      log.info("container runtime {} answers again", runtime);
    }
  }

  void failed(String runtime, String reason) {
    health.put(runtime, "not answering: " + reason);
    Boolean before = up.put(runtime, false);
    if (before == null || before) {
      log.warn("container runtime {} not answering: {}", runtime, reason);
    }
  }

  /** "ok", why {@code runtime} did not answer in the last cycle, or empty before the first. */
  String health(String runtime) {
    return health.getOrDefault(runtime, "");
  }
}
