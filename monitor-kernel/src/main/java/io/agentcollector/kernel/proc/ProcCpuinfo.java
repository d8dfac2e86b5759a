package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/cpuinfo} (https://docs.kernel.org/filesystems/proc.html#kernel-data), x86 layout:
 * one block of {@code key : value} lines per logical CPU, each starting with {@code processor}.
 * Values are kept as written (not trimmed), as procfs does; a key a CPU lacks is empty.
 */
public record ProcCpuinfo(List<Processor> processors) {

  /** The fields node_exporter's cpu info metrics use. */
  public record Processor(
      long processor,
      String vendor,
      String family,
      String model,
      String modelName,
      String stepping,
      String microcode,
      String cacheSize,
      String physicalId,
      String coreId,
      List<String> flags,
      List<String> bugs) {

    static Processor of(long processor, Map<String, String> f) {
      return new Processor(
          processor,
          // "vendor" is what s390 and older kernels write.
          f.getOrDefault("vendor_id", f.getOrDefault("vendor", "")),
          f.getOrDefault("cpu family", ""),
          f.getOrDefault("model", ""),
          f.getOrDefault("model name", ""),
          f.getOrDefault("stepping", ""),
          f.getOrDefault("microcode", ""),
          f.getOrDefault("cache size", ""),
          f.getOrDefault("physical id", ""),
          f.getOrDefault("core id", ""),
          words(f.get("flags")),
          words(f.get("bugs")));
    }

    private static List<String> words(String value) {
      return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }
  }

  /** Parses the file's text; a line before the first {@code processor} line is refused. */
  public static ProcCpuinfo parse(String content) {
    List<Processor> out = new ArrayList<>();
    Map<String, String> fields = null;
    long processor = -1;
    String[] lines = content.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      // procfs splits on ": ", so "power management:" with nothing after it is not a field.
      int sep = line.indexOf(": ");
      if (sep < 0) {
        if (fields == null && !line.isBlank()) {
          throw malformed(n, line, line.strip(), "a block starting with \"processor : N\"");
        }
        continue;
      }
      String key = line.substring(0, sep).strip();
      String value = line.substring(sep + 2);
      if (key.equals("processor")) {
        if (fields != null) {
          out.add(Processor.of(processor, fields));
        }
        processor = number(value, n, line);
        fields = new HashMap<>();
      } else if (fields == null) {
        throw malformed(n, line, key, "a block starting with \"processor : N\"");
      } else {
        fields.put(key, value);
      }
    }
    if (fields != null) {
      out.add(Processor.of(processor, fields));
    }
    return new ProcCpuinfo(List.copyOf(out));
  }

  private static long number(String value, int n, String line) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw malformed(n, line, value, "a CPU number");
    }
  }

  private static IllegalArgumentException malformed(
      int n, String line, String value, String expected) {
    return new IllegalArgumentException(
        "/proc/cpuinfo line "
            + (n + 1)
            + ": bad value \""
            + value
            + "\" in \""
            + line.strip()
            + "\", expected "
            + expected);
  }
}
