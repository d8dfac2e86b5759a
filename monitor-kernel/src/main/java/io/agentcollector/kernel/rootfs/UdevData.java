package io.agentcollector.kernel.rootfs;

import io.agentcollector.kernel.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One device's entry of udev's database, {@code /run/udev/data/b<major>:<minor>} (format in
 * udevadm(8), "udevadm info --export-db"): only the {@code E:KEY=value} property lines count, the
 * others (symlinks, tags, watches) are ignored, as node_exporter does.
 */
public record UdevData(Map<String, String> properties) {

  /** No properties: the device has no udev entry (no udev on the host, a container). */
  public static final UdevData NONE = new UdevData(Map.of());

  /**
   * The entry of block device {@code major:minor} in {@code dataDir}, udev's {@code
   * /run/udev/data}; {@link #NONE} when it has none or it cannot be read, as node_exporter does.
   */
  public static UdevData read(Path dataDir, int major, int minor) {
    try {
      // udev writes property values as UTF-8.
      return parse(KernelFiles.utf8(KernelFiles.read(dataDir.resolve("b" + major + ":" + minor))));
    } catch (IOException e) {
      return NONE;
    }
  }

  /** Parses the file's text. */
  public static UdevData parse(String content) {
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
  public String get(String key) {
    return properties.getOrDefault(key, "");
  }
}
