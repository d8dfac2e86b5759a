package io.agentcollector.plugin.textfile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * One log line per change of a file's state: a WARN when it is skipped for a new reason (the same
 * broken content every cycle logs once), an INFO when it is read again or is gone.
 */
final class FileProblems {

  private final Logger log;

  /** File to the problem last logged for it. */
  private final Map<String, String> logged = new HashMap<>();

  private final Set<String> seen = new HashSet<>();

  FileProblems(Logger log) {
    this.log = log;
  }

  /** {@code problem} starts with the file's name (the parser's messages do). */
  void skipped(String file, String problem) {
    seen.add(file);
    if (!problem.equals(logged.put(file, problem))) {
      log.warn("textfile skipped: {}", problem);
    }
  }

  void read(String file) {
    seen.add(file);
    if (logged.remove(file) != null) {
      log.info("textfile {} is read again", file);
    }
  }

  /** Ends a cycle: files skipped before and not met in this one are gone. */
  void endCycle() {
    logged
        .keySet()
        .removeIf(
            file -> {
              boolean gone = !seen.contains(file);
              if (gone) {
                log.info("textfile {} is gone, it is no longer skipped", file);
              }
              return gone;
            });
    seen.clear();
  }
}
