package io.agentcollector.kernel.proc;

import io.agentcollector.kernel.Cursor;
import io.agentcollector.kernel.Names;
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

  /** Where a parse gives the fields, without a list or a record per line. */
  @FunctionalInterface
  public interface FieldConsumer {
    /**
     * @param key the shared instance of the key, from call to call
     * @param bytes whether the line had a unit (kB: {@code value} is already in bytes)
     */
    void accept(String key, long value, boolean bytes);
  }

  /** Keys: about 60, the same every cycle. */
  private static final Names NAMES = new Names(128);

  public static ProcMeminfo parse(String content) {
    List<Field> out = new ArrayList<>();
    parse(content, (key, value, bytes) -> out.add(new Field(key, value, bytes)));
    return new ProcMeminfo(List.copyOf(out));
  }

  /**
   * Parses the file's text into {@code each}, line by line: for a collector that maps it every
   * cycle. Garbage is refused as by {@link #parse(String)}, possibly after some fields were given.
   */
  public static void parse(String content, FieldConsumer each) {
    if (!content.endsWith("\n")) {
      // The kernel ends every line with a newline: without one the last value may be cut short.
      throw new IllegalArgumentException(
          "/proc/meminfo: no newline at the end, the file is cut short");
    }
    Cursor c = new Cursor(content);
    while (c.nextLine()) {
      if (!c.isBlank()) {
        line(c, each);
      }
    }
  }

  private static void line(Cursor c, FieldConsumer each) {
    int colon = c.indexInLine(':');
    int count = 0;
    if (colon >= 0) {
      c.moveTo(colon + 1);
      count = c.fieldsLeft();
    }
    if (colon <= c.lineStart() || count > 2) {
      throw error(c, "expected \"Key: value [kB]\", got \"" + c.rawLine() + "\"");
    }
    long value;
    try {
      if (!c.nextField()) {
        throw new NumberFormatException("no value");
      }
      value = c.longValue();
    } catch (NumberFormatException e) {
      throw error(c, "not a number in \"" + c.rawLine() + "\"");
    }
    boolean unit = count == 2;
    if (unit) {
      c.nextField();
      if (!isKb(c)) {
        throw error(c, "unknown unit \"" + c.field() + "\"");
      }
    }
    String text = c.text();
    int a = c.lineStart();
    int b = colon;
    while (a < b && Cursor.isWhitespace(text.charAt(a))) {
      a++;
    }
    while (b > a && Cursor.isWhitespace(text.charAt(b - 1))) {
      b--;
    }
    // The kernel's "kB" is KiB.
    each.accept(NAMES.of(text, a, b), unit ? value * 1024 : value, unit);
  }

  /** Whether the current field is kB, in any case. */
  private static boolean isKb(Cursor c) {
    if (c.end() - c.start() == 2) {
      char k = c.text().charAt(c.start());
      char b = c.text().charAt(c.start() + 1);
      if ((k == 'k' || k == 'K') && (b == 'b' || b == 'B')) {
        return true;
      }
    }
    return c.field().toLowerCase(Locale.ROOT).equals("kb");
  }

  private static IllegalArgumentException error(Cursor c, String what) {
    return new IllegalArgumentException("/proc/meminfo line " + c.lineNumber() + ": " + what);
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
