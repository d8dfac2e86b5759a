package io.agentcollector.kernel.proc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /proc/vmstat}: one {@code name value} pair per line, virtual memory counters
 * (https://docs.kernel.org/filesystems/proc.html). Values are kept raw: the kernel's units vary per
 * field (pages, KiB for pgpgin/pgpgout, events). A file without its final newline was cut short and
 * is refused.
 *
 * @param fields value per field name, in file order
 */
public record ProcVmstat(Map<String, Double> fields) {

  /** Parses the file's text. */
  public static ProcVmstat parse(String content) {
    if (!content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(
          "/proc/vmstat: no newline at the end, the file is cut short");
    }
    Map<String, Double> fields = new LinkedHashMap<>();
    String[] lines = content.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length < 2) {
        throw new IllegalArgumentException(
            "/proc/vmstat line " + (i + 1) + ": expected \"name value\", got \"" + line + "\"");
      }
      try {
        fields.put(f[0], Double.parseDouble(f[1]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "/proc/vmstat line " + (i + 1) + ": not a number in \"" + line + "\"");
      }
    }
    return new ProcVmstat(Map.copyOf(fields));
  }
}
