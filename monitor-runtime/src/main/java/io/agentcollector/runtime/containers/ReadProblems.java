package io.agentcollector.runtime.containers;

import io.agentcollector.api.Failures;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * How a failed read of a container's or the machine's kernel files is logged. A file that vanished
 * (the container exited between listing and reading) is the normal race: debug. A file the parser
 * refused (garbage, a format this agent does not know) is a real failure that would otherwise only
 * show as missing series: one WARN per distinct reason, debug after that.
 */
final class ReadProblems {

  /**
   * Distinct reasons remembered; past this, refusals are logged at debug (memory stays bounded).
   */
  static final int MAX_REMEMBERED = 1000;

  private final Logger log;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  ReadProblems(Logger log) {
    this.log = log;
  }

  void failed(String what, Object subject, Exception e) {
    String reason = Failures.summary(e);
    if (refusedByParser(e) && warned.size() < MAX_REMEMBERED && warned.add(what + ": " + reason)) {
      log.warn("{} for {} left out: {}", what, subject, reason);
    } else {
      log.debug("{} for {} left out: {}", what, subject, reason);
    }
  }

  private static boolean refusedByParser(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }
}
