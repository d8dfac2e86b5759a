package io.agentcollector.plugin.cgroupv2;

import io.agentcollector.api.Fields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cgroup v2 "flat keyed" file: one {@code key value} pair per line ({@code cpu.stat},
 * {@code memory.stat}, {@code memory.events}; see "Interface Files" in
 * https://docs.kernel.org/admin-guide/cgroup-v2.html#format). Keeps every key, so the records
 * built on it pick theirs and newer kernels' extra keys do no harm.
 */
record FlatKeyed(Map<String, Long> values) {

  static FlatKeyed parse(String file, String content) {
    Map<String, Long> out = new LinkedHashMap<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = Fields.split(line);
      if (f.length != 2) {
        throw new IllegalArgumentException(file + " line " + n + ": expected \"key value\", got \"" + line + "\"");
      }
      out.put(f[0], number(file, n, f[1]));
    }
    return new FlatKeyed(Map.copyOf(out));
  }

  /** The value of {@code key}, 0 when this kernel or configuration does not write it. */
  long get(String key) {
    return values.getOrDefault(key, 0L);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  static long number(String file, int line, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ": not a number: \"" + value + "\"");
    }
  }
}
