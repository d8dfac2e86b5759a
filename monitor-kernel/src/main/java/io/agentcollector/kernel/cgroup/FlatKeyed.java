package io.agentcollector.kernel.cgroup;

import io.agentcollector.kernel.Fields;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A "flat keyed" cgroup file, one {@code key value} pair per line: v2's {@code cpu.stat}, {@code
 * memory.stat}, {@code memory.events} ("Interface Files" in
 * https://docs.kernel.org/admin-guide/cgroup-v2.html#format), v1's {@code memory.stat}, {@code
 * cpu.stat}, {@code cpuacct.stat}, {@code memory.oom_control}
 * (https://docs.kernel.org/admin-guide/cgroup-v1/memory.html). Keys the kernel adds later do no
 * harm; a missing key reads 0, as the runc cgroups library does. Every line must be a key and a
 * number, kept or not; a line of only whitespace is skipped.
 */
public record FlatKeyed(Map<String, Long> values) {

  /** Every key. */
  public static FlatKeyed parse(String file, String content) {
    return parse(file, content, null);
  }

  /**
   * Only the keys in {@code keep} (all when null): memory.stat has 40 to 60 lines, is read for
   * every container every cycle, and a dozen of them are used. The other lines are checked all the
   * same, without allocating.
   */
  public static FlatKeyed parse(String file, String content, String[] keep) {
    Map<String, Long> out = new HashMap<>(keep == null ? 64 : 2 * keep.length);
    int n = 0;
    int pos = 0;
    int len = content.length();
    while (pos < len) {
      int end = content.indexOf('\n', pos);
      end = end < 0 ? len : end;
      n++;
      int a = Fields.skipSpace(content, pos, end);
      if (a < end) {
        int b = Fields.skipField(content, a, end);
        int c = Fields.skipSpace(content, b, end);
        int d = Fields.skipField(content, c, end);
        if (c == end || Fields.skipSpace(content, d, end) != end) {
          throw notKeyValue(file, n, content.substring(pos, end));
        }
        long value = Fields.number(file, n, content, c, d);
        String key = keep == null ? content.substring(a, b) : kept(keep, content, a, b);
        if (key != null) {
          out.put(key, value);
        }
      } else if (!content.substring(pos, end).isBlank()) {
        // Control characters only: no whitespace a kernel writes, so not a blank line either.
        throw notKeyValue(file, n, content.substring(pos, end));
      }
      pos = end + 1;
    }
    return new FlatKeyed(Collections.unmodifiableMap(out));
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

  /** The value of {@code key}, 0 when this kernel or configuration does not write it. */
  public long get(String key) {
    return values.getOrDefault(key, 0L);
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  private static IllegalArgumentException notKeyValue(String file, int line, String text) {
    return new IllegalArgumentException(
        file + " line " + line + ": expected \"key value\", got \"" + text + "\"");
  }
}
