package io.agentcollector.plugin.disk;

import java.util.HashMap;
import java.util.Map;

/**
 * One device's entry of udev's database, {@code /run/udev/data/b<major>:<minor>} (format in
 * udevadm(8), "udevadm info --export-db"): only the {@code E:KEY=value} property lines count,
 * the others (symlinks, tags, watches) are ignored, as node_exporter does.
 */
record UdevData(Map<String, String> properties) {

  static final UdevData NONE = new UdevData(Map.of());

  static UdevData parse(String content) {
    Map<String, String> out = new HashMap<>();
    for (String raw : content.split("\n")) {
      // Go's line scanner drops a trailing CR and nothing else.
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      int eq = line.indexOf('=');
      if (line.startsWith("E:") && eq >= 2) {
        out.put(line.substring(2, eq), line.substring(eq + 1));
      }
    }
    return new UdevData(Map.copyOf(out));
  }

  /** The property, "" when absent (node_exporter's empty label). */
  String get(String key) {
    return properties.getOrDefault(key, "");
  }
}
