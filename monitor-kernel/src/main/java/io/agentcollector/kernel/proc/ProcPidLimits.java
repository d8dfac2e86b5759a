package io.agentcollector.kernel.proc;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code /proc/<pid>/limits}: the process's resource limits, a header line then one row per limit,
 * its name (words without digits), the soft and the hard limit (a number or {@code unlimited}) and
 * an optional unit (https://man7.org/linux/man-pages/man5/proc_pid_limits.5.html). Rows are looked
 * up by name, so limits a newer kernel adds are simply there.
 */
public final class ProcPidLimits {

  private static final String FILE = "/proc/<pid>/limits";

  /** One limit; {@link #UNLIMITED} for {@code unlimited}. */
  public record Limit(long soft, long hard) {}

  /** A limit of {@code unlimited}. */
  public static final long UNLIMITED = -1;

  private final Map<String, Limit> limits;

  private ProcPidLimits(Map<String, Limit> limits) {
    this.limits = limits;
  }

  /** The limit of that name, as the file writes it (e.g. {@code "Max address space"}). */
  public java.util.Optional<Limit> get(String name) {
    return java.util.Optional.ofNullable(limits.get(name));
  }

  /** The soft limit of that name; empty when the row is missing or the limit is unlimited. */
  public OptionalLong soft(String name) {
    Limit l = limits.get(name);
    return l == null || l.soft() == UNLIMITED ? OptionalLong.empty() : OptionalLong.of(l.soft());
  }

  /** Parses the file's text. */
  public static ProcPidLimits parse(String content) {
    Map<String, Limit> out = new HashMap<>();
    String[] lines = content.split("\n");
    for (int n = 1; n < lines.length; n++) {
      String line = lines[n].strip();
      if (!line.isEmpty()) {
        row(line, n + 1, out);
      }
    }
    return new ProcPidLimits(out);
  }

  private static void row(String line, int lineNo, Map<String, Limit> out) {
    String[] t = line.split("\\s+");
    int i = 0;
    while (i < t.length && !isValue(t[i])) {
      i++;
    }
    if (i == 0 || i + 1 >= t.length || !isValue(t[i + 1]) || t.length > i + 3) {
      throw new IllegalArgumentException(
          FILE
              + " line "
              + lineNo
              + ": expected a name, two limits and a unit, got \""
              + line
              + '"');
    }
    String name = String.join(" ", java.util.Arrays.copyOfRange(t, 0, i));
    out.put(name, new Limit(value(t[i], lineNo), value(t[i + 1], lineNo)));
  }

  private static boolean isValue(String s) {
    return s.equals("unlimited") || (!s.isEmpty() && Character.isDigit(s.charAt(0)));
  }

  private static long value(String s, int lineNo) {
    if (s.equals("unlimited")) {
      return UNLIMITED;
    }
    try {
      long v = Long.parseLong(s);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      // RLIM_INFINITY is printed as unlimited; anything above a long is no real limit either.
      if (s.chars().allMatch(Character::isDigit) && s.length() > 18) {
        return UNLIMITED;
      }
      throw new IllegalArgumentException(FILE + " line " + lineNo + ": not a limit: \"" + s + '"');
    }
  }
}
