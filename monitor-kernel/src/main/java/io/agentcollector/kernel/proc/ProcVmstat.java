package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjDoubleConsumer;

/**
 * {@code /proc/vmstat}: one {@code name value} pair per line, virtual memory counters
 * (https://docs.kernel.org/filesystems/proc.html). Values are kept raw: the kernel's units vary per
 * field (pages, KiB for pgpgin/pgpgout, events). A file without its final newline was cut short and
 * is refused.
 *
 * @param fields value per field name, in file order
 */
public record ProcVmstat(Map<String, Double> fields) {

  /** Field names: about 200, the same every cycle. */
  private static final Names NAMES = new Names(256);

  /** Parses the file's text. */
  public static ProcVmstat parse(String content) {
    Map<String, Double> fields = new LinkedHashMap<>();
    parse(content, fields::put);
    return new ProcVmstat(Map.copyOf(fields));
  }

  /**
   * Parses the file's text into {@code each}, field by field in file order, without a map or a
   * boxed value: for a collector that maps the file every cycle. Names are the same instances from
   * one call to the next. Garbage is refused as by {@link #parse(String)}, possibly after some
   * fields were given.
   */
  public static void parse(String content, ObjDoubleConsumer<String> each) {
    if (!content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(
          "/proc/vmstat: no newline at the end, the file is cut short");
    }
    Cursor c = new Cursor(content);
    while (c.nextLine()) {
      if (c.isBlank()) {
        continue;
      }
      if (!c.nextField()) {
        throw error(c, "expected \"name value\", got");
      }
      String name = c.field(NAMES);
      if (!c.nextField()) {
        throw error(c, "expected \"name value\", got");
      }
      double value;
      try {
        value = c.doubleValue();
      } catch (NumberFormatException e) {
        throw error(c, "not a number in");
      }
      each.accept(name, value);
    }
  }

  private static IllegalArgumentException error(Cursor c, String what) {
    return new IllegalArgumentException(
        "/proc/vmstat line " + c.lineNumber() + ": " + what + " \"" + c.line() + "\"");
  }
}
