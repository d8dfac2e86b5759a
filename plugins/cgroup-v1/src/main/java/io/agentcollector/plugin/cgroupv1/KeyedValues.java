package io.agentcollector.plugin.cgroupv1;

import io.agentcollector.api.Fields;
import java.util.HashMap;
import java.util.Map;

/**
 * A flat keyed cgroup file, {@code key value} per line: memory.stat, cpu.stat, cpuacct.stat,
 * memory.oom_control (https://www.kernel.org/doc/Documentation/cgroup-v1/memory.txt). Keys the
 * kernel adds later are kept; a missing key reads 0, as the runc cgroups library does.
 */
record KeyedValues(Map<String, Long> values) {

  static KeyedValues parse(String file, String content) {
    return parse(file, content, null);
  }

  /**
   * Only the keys in {@code keep} (all when null): memory.stat has ~40 lines and is read for every
   * container every cycle, and a dozen of them are used. The other lines are checked for shape.
   */
  static KeyedValues parse(String file, String content, String[] keep) {
    // By hand, not split("\\s+").
    Map<String, Long> out = new HashMap<>(keep == null ? 64 : 2 * keep.length);
    int n = 0;
    int pos = 0;
    int len = content.length();
    while (pos < len) {
      int end = content.indexOf('\n', pos);
      if (end < 0) {
        end = len;
      }
      n++;
      int a = skipSpace(content, pos, end);
      if (a < end) {
        int b = a;
        while (b < end && !Fields.isSpace(content.charAt(b))) {
          b++;
        }
        int c = skipSpace(content, b, end);
        int d = c;
        while (d < end && !Fields.isSpace(content.charAt(d))) {
          d++;
        }
        if (c == end || skipSpace(content, d, end) != end) {
          throw new IllegalArgumentException(file + " line " + n + ": expected \"key value\", got \""
              + content.substring(pos, end) + "\"");
        }
        String key = keep == null ? content.substring(a, b) : kept(keep, content, a, b);
        if (key != null) {
          try {
            out.put(key, Long.parseLong(content, c, d, 10));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + n + ": " + key + " has no number: \""
                + content.substring(c, d) + "\"");
          }
        }
      }
      pos = end + 1;
    }
    return new KeyedValues(out);
  }

  /** The key of {@code keep} that {@code s[a, b)} spells, or null. */
  private static String kept(String[] keep, String s, int a, int b) {
    for (String k : keep) {
      if (k.length() == b - a && s.startsWith(k, a)) {
        return k;
      }
    }
    return null;
  }

  private static int skipSpace(String s, int from, int end) {
    while (from < end && Fields.isSpace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  long get(String key) {
    return values.getOrDefault(key, 0L);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }
}
