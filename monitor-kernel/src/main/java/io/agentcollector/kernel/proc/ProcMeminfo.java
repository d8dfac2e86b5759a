package io.agentcollector.kernel.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * {@code /proc/meminfo} (https://docs.kernel.org/filesystems/proc.html, meminfo): {@code Key: value
 * [kB]} per line, in the kernel's order. Every key is kept, including ones no table lists. A file
 * without its final newline (or empty) is refused: it was cut, maybe inside a number. A cut right
 * after a newline cannot be told from a complete file; the missing keys are then absent.
 */
public record ProcMeminfo(List<Field> fields) {

  /**
   * @param bytes whether the line had a unit (kB: the value is already converted to bytes)
   */
  public record Field(String key, long value, boolean bytes) {}

  public static ProcMeminfo parse(String content) {
    if (!content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(
          "/proc/meminfo: no newline at the end, the file is cut short");
    }
    List<Field> out = new ArrayList<>();
    int n = 0;
    for (String line : content.split("\n")) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      String[] f = colon < 0 ? new String[0] : line.substring(colon + 1).strip().split("\\s+");
      if (colon <= 0 || f.length == 0 || f.length > 2) {
        throw new IllegalArgumentException(
            "/proc/meminfo line " + n + ": expected \"Key: value [kB]\", got \"" + line + "\"");
      }
      long value;
      try {
        value = Long.parseLong(f[0]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "/proc/meminfo line " + n + ": not a number in \"" + line + "\"");
      }
      boolean unit = f.length == 2;
      if (unit && !f[1].toLowerCase(Locale.ROOT).equals("kb")) {
        throw new IllegalArgumentException(
            "/proc/meminfo line " + n + ": unknown unit \"" + f[1] + "\"");
      }
      // The kernel's "kB" is KiB.
      out.add(new Field(line.substring(0, colon).strip(), unit ? value * 1024 : value, unit));
    }
    return new ProcMeminfo(List.copyOf(out));
  }

  /** The value of {@code key} (in bytes when the line had a unit), empty when absent. */
  public OptionalLong get(String key) {
    for (Field f : fields) {
      if (f.key().equals(key)) {
        return OptionalLong.of(f.value());
      }
    }
    return OptionalLong.empty();
  }
}
