package io.agentcollector.api;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns an exception chain into one line for a log message or a self-metric: each cause's class and
 * message, {@code <-} between them, a message repeated by its wrapper left out.
 */
public final class Failures {

  private Failures() {}

  public static String summary(Throwable t) {
    StringBuilder sb = new StringBuilder();
    Set<Throwable> seen = new HashSet<>();
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      String msg = c.getMessage();
      String part =
          c.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg.strip());
      if (sb.length() > 0) {
        if (msg != null && sb.indexOf(msg.strip()) >= 0) {
          continue;
        }
        sb.append(" <- ");
      }
      sb.append(part);
    }
    return sb.toString().replace('\n', ' ').replace('\r', ' ');
  }
}
