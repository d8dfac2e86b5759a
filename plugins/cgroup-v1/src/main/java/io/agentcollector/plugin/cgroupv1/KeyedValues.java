package io.agentcollector.plugin.cgroupv1;

import java.util.HashMap;
import java.util.Map;

/**
 * A flat keyed cgroup file, {@code key value} per line: memory.stat, cpu.stat, cpuacct.stat,
 * memory.oom_control (https://www.kernel.org/doc/Documentation/cgroup-v1/memory.txt). Keys the
 * kernel adds later are kept; a missing key reads 0, as the runc cgroups library does.
 */
record KeyedValues(Map<String, Long> values) {

  static KeyedValues parse(String file, String content) {
    Map<String, Long> out = new HashMap<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.strip().split("\\s+");
      if (f.length != 2) {
        throw new IllegalArgumentException(file + " line " + n + ": expected \"key value\", got \"" + line + "\"");
      }
      try {
        out.put(f[0], Long.parseLong(f[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " line " + n + ": " + f[0] + " has no number: \"" + f[1] + "\"");
      }
    }
    return new KeyedValues(Map.copyOf(out));
  }

  long get(String key) {
    return values.getOrDefault(key, 0L);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }
}
